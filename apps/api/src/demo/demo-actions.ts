import { DEMO_ACTIONS_1_TO_3 } from './demo-actions-1-3';
import { DEMO_ACTIONS_4_TO_5 } from './demo-actions-4-5';
import { DEMO_ACTIONS_6_TO_8 } from './demo-actions-6-8';
import { DemoAction } from './demo-script';

/** Every action in the demo plan, in reference order; the data is split by area to keep files short. */
export const DEMO_ACTIONS: readonly DemoAction[] = [...DEMO_ACTIONS_1_TO_3, ...DEMO_ACTIONS_4_TO_5, ...DEMO_ACTIONS_6_TO_8];

export function demoAction(ref: string): DemoAction {
  const action = DEMO_ACTIONS.find((a) => a.ref === ref);
  if (!action) throw new Error(`The demo plan has no action ${ref}`);
  return action;
}
