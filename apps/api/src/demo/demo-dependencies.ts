import { addDays, CalendarDate, DependencyCommand } from '@send/domain';
import { actionIdFor } from '@send/event-store';
import { PLAN_LOADED_DAY } from './demo-history';
import { PROGRAMME_OFFICE } from './demo-owners';
import { DEMO_PLAN_ID } from './demo-script';

export interface DemoDependencyStep {
  at: string;
  userId: string;
  command: DependencyCommand;
}

/**
 * What waits for what between the sufficiency and pathway actions. The council's papers call the
 * admissions redesign (5.1) "the necessary foundation" for commissioning specialist places, so when
 * 5.1's implementation moves to the summer term, resourced provision (6.3) and, through it, the
 * move away from independent placements (6.2) show as at risk from 5.1; and while the AI writer
 * (5.2) is Red, the 20-week backlog (5.3) and, through it, adulthood outcomes (7.1) are at risk.
 */
const DEMO_DEPENDENCIES: [ref: string, dependsOnRef: string, note: string][] = [
  ['6.3', '5.1', 'The admissions redesign is the necessary foundation: the new bases admit by its placement criteria.'],
  ['6.1', '5.6', 'Places are commissioned to the refreshed demand model in the sufficiency strategy.'],
  ['6.2', '6.1', 'Children move from independent placements only when local specialist places open.'],
  ['6.2', '6.3', 'Resourced bases in mainstream schools are the other local alternative to independent placements.'],
  ['4.5', '4.4', 'The three-tier AP model places pupils through the updated In-Year Fair Access Protocol.'],
  ['5.3', '5.2', 'Clearing the 20-week backlog counts on the AI writer cutting case officers’ drafting time.'],
  ['7.1', '5.3', 'Preparation-for-adulthood outcomes go into plans as they are issued; late plans hold them up.'],
];

/** The programme office records them a few days after the plan is loaded, after the risk register. */
export function demoDependencySteps(anchor: CalendarDate): DemoDependencyStep[] {
  return DEMO_DEPENDENCIES.map(([ref, dependsOnRef, note], i) => ({
    at: `${addDays(anchor, PLAN_LOADED_DAY + 5)}T10:${String(i).padStart(2, '0')}:00.000Z`,
    userId: PROGRAMME_OFFICE.userId,
    command: { type: 'DeclareDependency', data: { planId: DEMO_PLAN_ID, actionId: actionIdFor(DEMO_PLAN_ID, ref), dependsOnActionId: actionIdFor(DEMO_PLAN_ID, dependsOnRef), note } },
  }));
}
