import { PlanState } from '../plan/plan.decider';
import { ActionState } from '../action/action.decider';
import { refusal } from '../shared/refusal.fixture';
import { RaiseRisk, RiskCommand } from './risk.commands';
import { decideRisk, evolveRisk, initialRiskState, RiskDecisionContext, RiskState } from './risk.decider';
import { RiskEvent } from './risk.events';

// What each refusal names and says, and the smaller rules, for the risk register: the mutation run
// (docs/testing.md) found the field named, the wording and these rules untested in risk.decider.spec.ts.
const given = (events: RiskEvent[]): RiskState => events.reduce(evolveRisk, initialRiskState());
const plan = (planId = 'plan-1'): PlanState => ({ status: 'active', planId, areaNumbers: [1, 5, 8], priorityNumbers: [1, 2, 3] }) as PlanState;
const action = (actionId: string, planId = 'plan-1'): ActionState => ({ exists: true, actionId, planId, ref: '5.1' }) as ActionState;
const context: RiskDecisionContext = { plan: plan(), actions: { 'a-5-1': action('a-5-1') } };
const when = (command: RiskCommand, state: RiskState, ctx: RiskDecisionContext = context) =>
  decideRisk(command, state, { now: '2026-12-07T10:00:00.000Z', commandId: 'c1', correlationId: 'c1' }, ctx);

const riskId = 'r-3';
const owner = { ownerId: 'o-finance', name: 'Sam Patel', role: 'Finance Lead – High Needs', organisation: 'Council' };
const raise = (data: Partial<RaiseRisk['data']> = {}): RiskCommand => ({
  type: 'RaiseRisk',
  data: {
    riskId,
    planId: 'plan-1',
    ref: 'R3',
    title: 'The DSG deficit keeps rising',
    description: 'The High Needs Block overspends faster than the recovery plan assumes.',
    cause: 'EHCP growth',
    consequence: 'The deficit passes £183m',
    owner,
    areaNumbers: [8, 5],
    priorityNumbers: [3, 1],
    actionIds: ['a-5-1'],
    inherent: { likelihood: 5, impact: 5 },
    current: { likelihood: 4, impact: 5 },
    target: { likelihood: 2, impact: 4, byDate: '2027-03-31' },
    reviewDate: '2027-01-15',
    ...data,
  },
});
const raised = (): RiskEvent[] => when(raise(), given([]));
const open = () => given(raised());
const mitigation = { riskId, mitigationId: 'm1', description: 'Placement panel reviews every request', owner, dueDate: '2027-01-31' };
const withMitigation = () => given([...raised(), ...when({ type: 'AddMitigation', data: mitigation }, open())]);

describe('A risk’s refusals name the field', () => {
  it.each([
    ['inherent.likelihood', raise({ inherent: { likelihood: 0, impact: 3 } })],
    ['current.impact', raise({ current: { likelihood: 3, impact: 6 } })],
    ['target.likelihood', raise({ target: { likelihood: 1.5, impact: 2, byDate: '2027-03-31' } })],
  ])('%s when raised', (field, command) => {
    const error = refusal(() => when(command, given([])));
    expect([error.field, error.message]).toEqual([field, `${field} must be a whole number from 1 to 5`]);
  });

  it.each([
    ['areaNumbers', { areaNumbers: [5, 5] }, 'areaNumbers names 5 twice'],
    ['priorityNumbers', { priorityNumbers: [2, 2] }, 'priorityNumbers names 2 twice'],
    ['actionIds', { actionIds: ['a-5-1', 'a-5-1'] }, 'actionIds names a-5-1 twice'],
    ['areaNumbers', { areaNumbers: [9] }, "areaNumbers: area 9 is not in the risk's plan"],
    ['priorityNumbers', { priorityNumbers: [7] }, "priorityNumbers: priority 7 is not in the risk's plan"],
    ['actionIds', { actionIds: ['a-gone'] }, "actionIds: action a-gone is not in the risk's plan"],
  ])('%s for a link named twice or outside the plan (%p)', (field, links, message) => {
    const error = refusal(() => when(raise(links), given([])));
    expect([error.field, error.message]).toEqual([field, message]);
  });

  it.each([
    ['asAt', { type: 'RescoreRisk', data: { riskId, current: { likelihood: 3, impact: 3 }, commentary: 'Better', asAt: '2026-13-01' } }],
    ['mitigationId', { type: 'AddMitigation', data: { ...mitigation, mitigationId: '  ' } }],
    ['description', { type: 'AddMitigation', data: { ...mitigation, description: '' } }],
    ['dueDate', { type: 'AddMitigation', data: { ...mitigation, dueDate: '31/01/2027' } }],
    ['reviewDate', { type: 'SetRiskReviewDate', data: { riskId, reviewDate: 'next month' } }],
    ['reason', { type: 'CloseRisk', data: { riskId, reason: ' ' } }],
    ['commentary', { type: 'RecordRiskAsIssue', data: { riskId, commentary: '' } }],
  ] as [string, RiskCommand][])('%s on an open risk', (field, command) => {
    expect(refusal(() => when(command, open())).field).toBe(field);
  });

  it('status for a mitigation status outside the list, naming the list', () => {
    const error = refusal(() => when({ type: 'ChangeMitigationStatus', data: { riskId, mitigationId: 'm1', status: 'FINISHED' as 'DONE' } }, withMitigation()));
    expect([error.field, error.rule, error.message]).toEqual(['status', 'isIn:PLANNED,IN_PROGRESS,DONE,DROPPED', 'status must be one of PLANNED, IN_PROGRESS, DONE, DROPPED']);
  });
});

describe('A closed risk says what it cannot be', () => {
  const closed = () => given([...raised(), ...when({ type: 'CloseRisk', data: { riskId, reason: 'Recovery agreed' } }, open())]);
  it.each([
    ['re-scored', { type: 'RescoreRisk', data: { riskId, current: { likelihood: 1, impact: 1 }, commentary: 'Gone', asAt: '2026-12-01' } }],
    ['linked', { type: 'ChangeRiskLinks', data: { riskId, areaNumbers: [1], priorityNumbers: [], actionIds: [] } }],
    ['given a new target', { type: 'ReviseRiskTarget', data: { riskId, target: { likelihood: 1, impact: 1, byDate: '2027-03-31' }, reason: 'Lower' } }],
    ['given a review date', { type: 'SetRiskReviewDate', data: { riskId, reviewDate: '2027-02-01' } }],
    ['given a mitigation', { type: 'AddMitigation', data: mitigation }],
    ['given a change to a mitigation', { type: 'ChangeMitigationStatus', data: { riskId, mitigationId: 'm1', status: 'DONE' } }],
    ['closed', { type: 'CloseRisk', data: { riskId, reason: 'Again' } }],
    ['recorded as an issue', { type: 'RecordRiskAsIssue', data: { riskId, commentary: 'Too late' } }],
  ] as [string, RiskCommand][])('%s', (doing, command) => {
    expect(refusal(() => when(command, closed())).message).toBe(`Risk R3 is closed, so it cannot be ${doing}`);
  });
});

describe('A risk’s smaller rules', () => {
  it('sorts its priorities as it sorts its areas', () => {
    expect(raised()[0].data).toMatchObject({ areaNumbers: [5, 8], priorityNumbers: [1, 3] });
  });

  it('is relinked only within its own plan, loaded for the command', () => {
    const relink: RiskCommand = { type: 'ChangeRiskLinks', data: { riskId, areaNumbers: [1], priorityNumbers: [], actionIds: [] } };
    expect(refusal(() => when(relink, open(), { plan: plan('plan-2') })).rule).toBe('planExists');
  });

  it('takes a new review date', () => {
    expect(when({ type: 'SetRiskReviewDate', data: { riskId, reviewDate: '2027-02-01' } }, open())).toEqual([{ type: 'RiskReviewDateSet', data: { riskId, reviewDate: '2027-02-01' } }]);
  });

  it('records a mitigation status change’s commentary, and a commentary of blanks as none', () => {
    const change = (commentary?: string): RiskCommand => ({ type: 'ChangeMitigationStatus', data: { riskId, mitigationId: 'm1', status: 'IN_PROGRESS', commentary } });
    expect(when(change('  '), withMitigation())[0].data).toMatchObject({ commentary: null });
    expect(when(change(' Panel meets weekly '), withMitigation())[0].data).toMatchObject({ commentary: 'Panel meets weekly' });
    // trim() keeps a zero-width space; the text guard does not.
    expect(refusal(() => when(change('\u200b'), withMitigation())).field).toBe('commentary');
  });
});
