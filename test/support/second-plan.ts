import { actionInput, ADD_ACTION, CREATE_PLAN, planInput } from './plan-operations';
import type { TestApp } from './test-app';

export const SECOND_PLAN = { id: 'north-plan', areaId: 'north-area', areaName: 'Northshire', title: 'Northshire SEND Improvement Plan' };

/**
 * A second local area with a plan of its own, and a person who sits on both boards (a board
 * member in the demo area, the plan administrator in Northshire): the one who needs the plan picker.
 */
export async function personWithTwoPlans(app: TestApp, userId = 'two-boards'): Promise<string> {
  await app.addUser({ userId, displayName: 'Priya Shah', roles: ['PLAN_ADMINISTRATOR', 'BOARD_MEMBER'], areas: [SECOND_PLAN.areaId] });
  await app.addUser({ userId, displayName: 'Priya Shah', roles: ['BOARD_MEMBER'], areas: ['demo-area'] });
  const plan = await app.as(userId).gql(CREATE_PLAN, {
    input: { ...planInput(SECOND_PLAN.id, SECOND_PLAN.areaId), localAreaName: SECOND_PLAN.areaName, title: SECOND_PLAN.title },
  });
  if (plan.errors) throw new Error(`the second plan was refused: ${JSON.stringify(plan.errors)}`);
  const action = await app.as(userId).gql(ADD_ACTION, { input: actionInput(SECOND_PLAN.id, '1.1', { title: 'Northshire panel reform' }) });
  if (action.errors) throw new Error(`the second plan's action was refused: ${JSON.stringify(action.errors)}`);
  return userId;
}
