import { ActionState } from '../action/action.decider';
import { PlanState } from '../plan/plan.decider';
import { CommandMetadata } from '../shared/command-metadata';
import { refusal } from '../shared/refusal.fixture';
import { RaiseRisk, RiskCommand } from './risk.commands';
import { decideRisk, evolveRisk, initialRiskState, RiskDecisionContext, RiskState } from './risk.decider';
import { RiskEvent } from './risk.events';

const meta = (now = '2026-12-07T10:00:00.000Z'): CommandMetadata => ({ now, commandId: 'c1', correlationId: 'c1' });
const given = (events: RiskEvent[]): RiskState => events.reduce(evolveRisk, initialRiskState());

const plan = (planId = 'plan-1'): PlanState =>
  ({ status: 'active', planId, areaNumbers: [1, 5, 8], priorityNumbers: [1, 2, 3] }) as PlanState;
const action = (actionId: string, planId = 'plan-1'): ActionState => ({ exists: true, actionId, planId, ref: '5.1' }) as ActionState;
const context: RiskDecisionContext = { plan: plan(), actions: { 'a-5-1': action('a-5-1'), 'a-8-2': action('a-8-2') } };
const when = (command: RiskCommand, state: RiskState, ctx: RiskDecisionContext = context, now?: string) => decideRisk(command, state, meta(now), ctx);

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
    cause: 'EHCP growth and placements in independent special schools',
    consequence: 'The cumulative deficit passes £183m by March 2026',
    owner,
    areaNumbers: [8, 5],
    priorityNumbers: [3],
    actionIds: ['a-8-2'],
    inherent: { likelihood: 5, impact: 5 },
    current: { likelihood: 4, impact: 5 },
    target: { likelihood: 2, impact: 4, byDate: '2027-03-31' },
    reviewDate: '2027-01-15',
    ...data,
  },
});
const raised = (): RiskEvent[] => when(raise(), given([]));
const rescore = (likelihood: number, impact: number, asAt = '2026-12-01', commentary = 'Q2 forecast gap of £71m against £57.5m budgeted'): RiskCommand => ({
  type: 'RescoreRisk',
  data: { riskId, current: { likelihood, impact }, commentary, asAt },
});

describe('A risk in the register', () => {
  it('is raised with its links sorted, its three ratings and its review date', () => {
    const [event] = raised();
    expect(event).toEqual({ type: 'RiskRaised', data: expect.objectContaining({ ref: 'R3', areaNumbers: [5, 8], priorityNumbers: [3], actionIds: ['a-8-2'], owner }) });
  });

  it('has a reference unique in its plan and in the form R3', () => {
    expect(refusal(() => when(raise(), given(raised()))).rule).toBe('riskRefUniqueInPlan');
    for (const ref of ['3', 'R03', 'r3', 'R', 'R12345']) expect(refusal(() => when(raise({ ref }), given([]))).rule).toBe('riskRefFormat');
  });

  it('is raised only in a plan that exists', () => {
    expect(refusal(() => when(raise(), given([]), { plan: { status: 'absent' } })).rule).toBe('planExists');
    expect(refusal(() => when(raise(), given([]), { ...context, plan: plan('plan-2') })).rule).toBe('planExists');
  });

  it('links only to areas, priorities and actions of its own plan, each once', () => {
    const outside = (data: Partial<RaiseRisk['data']>) => refusal(() => when(raise(data), given([])));
    expect([outside({ areaNumbers: [9] }).field, outside({ areaNumbers: [9] }).rule]).toEqual(['areaNumbers', 'linkInPlan']);
    expect(outside({ priorityNumbers: [7] }).field).toBe('priorityNumbers');
    expect(outside({ actionIds: ['a-unknown'] }).field).toBe('actionIds');
    expect(refusal(() => when(raise({ actionIds: ['a-8-2'] }), given([]), { plan: plan(), actions: { 'a-8-2': action('a-8-2', 'plan-2') } })).rule).toBe('linkInPlan');
    expect(outside({ areaNumbers: [5, 5] }).rule).toBe('linkUnique');
  });

  it('needs every text, a real owner and real dates, naming the field', () => {
    for (const field of ['title', 'description', 'cause', 'consequence'] as const) {
      expect(refusal(() => when(raise({ [field]: ' \u200b ' }), given([]))).field).toBe(field);
    }
    expect(refusal(() => when(raise({ owner: { ...owner, role: '' } }), given([]))).field).toBe('owner.role');
    expect(refusal(() => when(raise({ reviewDate: '2027-02-30' }), given([]))).field).toBe('reviewDate');
    expect(refusal(() => when(raise({ target: { likelihood: 2, impact: 4, byDate: 'soon' } }), given([]))).field).toBe('target.byDate');
  });

  it('cannot aim above its inherent score, but may sit above it today', () => {
    expect(refusal(() => when(raise({ inherent: { likelihood: 3, impact: 3 }, target: { likelihood: 2, impact: 5, byDate: '2027-03-31' } }), given([]))).rule).toBe('targetNotAboveInherent');
    expect(when(raise({ inherent: { likelihood: 3, impact: 3 }, current: { likelihood: 4, impact: 4 }, target: { likelihood: 3, impact: 3, byDate: '2027-03-31' } }), given([]))).toHaveLength(1);
  });

  it('is re-scored with a commentary and an "as at" date, recording the score it replaces', () => {
    expect(when(rescore(5, 5), given(raised()))).toEqual([
      { type: 'RiskRescored', data: { riskId, previous: { likelihood: 4, impact: 5 }, current: { likelihood: 5, impact: 5 }, commentary: 'Q2 forecast gap of £71m against £57.5m budgeted', asAt: '2026-12-01' } },
    ]);
    expect(refusal(() => when(rescore(5, 5, '2026-12-01', '  '), given(raised()))).field).toBe('commentary');
    expect(refusal(() => when(rescore(6, 5), given(raised()))).field).toBe('current.likelihood');
  });

  it('is not re-scored as at a future day, nor as at a day before its last score', () => {
    expect(refusal(() => when(rescore(3, 5, '2026-12-08'), given(raised()))).rule).toBe('notInFuture');
    const history = [...raised(), ...when(rescore(3, 5, '2026-12-01'), given(raised()))];
    expect(refusal(() => when(rescore(3, 4, '2026-11-30'), given(history))).rule).toBe('asAtNotBeforeLast');
    expect(when(rescore(3, 4, '2026-12-01'), given(history))[0]).toMatchObject({ data: { previous: { likelihood: 3, impact: 5 } } });
  });

  it('keeps mitigations with an owner and due date, each status change recorded from → to', () => {
    const add: RiskCommand = { type: 'AddMitigation', data: { riskId, mitigationId: 'm1', description: 'Placement panel reviews every INMSS request', owner, dueDate: '2027-01-31' } };
    const added = when(add, given(raised()));
    expect(added[0]).toMatchObject({ type: 'MitigationAdded', data: { mitigationId: 'm1', dueDate: '2027-01-31' } });
    expect(refusal(() => when(add, given([...raised(), ...added]))).rule).toBe('mitigationIsNew');
    const start: RiskCommand = { type: 'ChangeMitigationStatus', data: { riskId, mitigationId: 'm1', status: 'IN_PROGRESS' } };
    const started = when(start, given([...raised(), ...added]));
    expect(started).toEqual([{ type: 'MitigationStatusChanged', data: { riskId, mitigationId: 'm1', from: 'PLANNED', to: 'IN_PROGRESS', commentary: null } }]);
    expect(refusal(() => when(start, given([...raised(), ...added, ...started]))).rule).toBe('mitigationStatusChanges');
    expect(refusal(() => when({ ...start, data: { ...start.data, mitigationId: 'm9' } }, given(raised()))).rule).toBe('mitigationExists');
    expect(refusal(() => when({ ...start, data: { ...start.data, status: 'FINISHED' as 'DONE' } }, given([...raised(), ...added]))).field).toBe('status');
  });

  it('once closed or recorded as an issue, changes no more', () => {
    const close: RiskCommand = { type: 'CloseRisk', data: { riskId, reason: 'Deficit recovery agreed with the DfE' } };
    const closed = [...raised(), ...when(close, given(raised()))];
    expect(refusal(() => when(rescore(1, 1), given(closed))).rule).toBe('riskOpen');
    expect(refusal(() => when(close, given(closed))).message).toMatch(/R3 is closed/);
    const issue: RiskCommand = { type: 'RecordRiskAsIssue', data: { riskId, commentary: 'The deficit passed £183m in March' } };
    const becameIssue = [...raised(), ...when(issue, given(raised()))];
    expect(refusal(() => when(issue, given(becameIssue))).message).toMatch(/recorded as an issue/);
    expect(refusal(() => when({ type: 'SetRiskReviewDate', data: { riskId, reviewDate: '2027-02-01' } }, given(becameIssue))).rule).toBe('riskOpen');
  });

  it('is changed only once it exists', () => {
    expect(refusal(() => when(rescore(3, 3), given([]))).rule).toBe('riskExists');
  });

  it('takes a new target and new links by the same rules as when raised', () => {
    const revise: RiskCommand = { type: 'ReviseRiskTarget', data: { riskId, target: { likelihood: 3, impact: 4, byDate: '2027-09-30' }, reason: 'Capital bid delayed a year' } };
    expect(when(revise, given(raised()))[0]).toMatchObject({ type: 'RiskTargetRevised', data: { target: { byDate: '2027-09-30' } } });
    expect(refusal(() => when({ ...revise, data: { ...revise.data, reason: '' } }, given(raised()))).field).toBe('reason');
    const relink: RiskCommand = { type: 'ChangeRiskLinks', data: { riskId, areaNumbers: [1], priorityNumbers: [], actionIds: ['a-5-1', 'a-8-2'] } };
    expect(when(relink, given(raised()))).toEqual([{ type: 'RiskLinksChanged', data: { riskId, areaNumbers: [1], priorityNumbers: [], actionIds: ['a-5-1', 'a-8-2'] } }]);
    expect(refusal(() => when({ ...relink, data: { ...relink.data, areaNumbers: [4] } }, given(raised()))).rule).toBe('linkInPlan');
  });

  it('passes to another owner with the reason, recording whom it was taken from, and then answers to them', () => {
    const director = { ownerId: 'o-director', name: 'Alex Morgan', role: 'Director of Education', organisation: 'Council' };
    const reassign = (to = director, reason = 'The director now leads deficit recovery'): RiskCommand => ({ type: 'ReassignRiskOwner', data: { riskId, owner: to, reason } });
    const reassigned = when(reassign(), given(raised()));
    expect(reassigned).toEqual([{ type: 'RiskOwnerReassigned', data: { riskId, owner: director, previousOwner: owner, reason: 'The director now leads deficit recovery' } }]);
    expect(given([...raised(), ...reassigned])).toMatchObject({ ownerId: 'o-director', owner: director });
    expect(refusal(() => when(reassign(director, ' '), given(raised()))).field).toBe('reason');
    expect(refusal(() => when(reassign({ ...director, name: '' }), given(raised()))).field).toBe('owner.name');
  });

  it('is not reassigned to the owner it already has, nor once closed', () => {
    const same: RiskCommand = { type: 'ReassignRiskOwner', data: { riskId, owner: { ...owner, role: 'Head of Finance' }, reason: 'New title' } };
    const unchanged = refusal(() => when(same, given(raised())));
    expect([unchanged.rule, unchanged.message]).toEqual(['riskOwnerChanges', 'Sam Patel already owns risk R3']);
    const closed = [...raised(), ...when({ type: 'CloseRisk', data: { riskId, reason: 'Recovery agreed' } }, given(raised()))];
    const other: RiskCommand = { type: 'ReassignRiskOwner', data: { riskId, owner: { ...owner, ownerId: 'o-other', name: 'Jo Reed' }, reason: 'Handover' } };
    const refused = refusal(() => when(other, given(closed)));
    expect([refused.rule, refused.message]).toEqual(['riskOpen', 'Risk R3 is closed, so it cannot be given to another owner']);
  });
});
