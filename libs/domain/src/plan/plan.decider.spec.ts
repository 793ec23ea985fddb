import { CommandMetadata } from '../shared/command-metadata';
import { IMPROVEMENT_AREAS } from './improvement-areas';
import { CreatePlan, PlanCommand } from './plan.commands';
import { decidePlan, evolvePlan, initialPlanState, PlanState } from './plan.decider';
import { PlanCreated, PlanEvent } from './plan.events';
import { PlanAlreadyExistsError, PlanNotFoundError, RevisionNotNewerError, StaleThresholdInvalidError } from './plan.errors';
import { refusal } from '../shared/refusal.fixture';

const meta = (now = '2026-06-01T10:00:00.000Z'): CommandMetadata => ({ now, commandId: 'c1', correlationId: 'c1' });
const given = (events: PlanEvent[]): PlanState => events.reduce(evolvePlan, initialPlanState());
const when = (command: PlanCommand, state: PlanState) => decidePlan(command, state, meta());

const planId = 'plan-1';
const createPlan = (data: Partial<CreatePlan['data']> = {}): CreatePlan => ({
  type: 'CreatePlan',
  data: {
    planId,
    localArea: { id: 'dorset', name: 'Dorset' },
    title: 'SEND and AP Improvement Plan',
    version: '1',
    approvedOn: '2024-01-24',
    ...data,
  },
});
const created = (): PlanCreated => when(createPlan(), given([]))[0] as PlanCreated;

describe('CreatePlan', () => {
  it('emits one PlanCreated with the command fields and the default stale threshold of 42 days', () => {
    const events = when(createPlan({ title: '  SEND and AP Improvement Plan ' }), given([]));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'PlanCreated',
      data: {
        planId,
        localArea: { id: 'dorset', name: 'Dorset' },
        title: 'SEND and AP Improvement Plan',
        version: '1',
        approvedOn: '2024-01-24',
        staleAfterDays: 42,
      },
    });
  });

  it('seeds exactly the eight improvement areas of the plan, in order', () => {
    expect(created().data.areas.map((a) => [a.number, a.name])).toEqual([
      [1, 'Leadership, Management and Governance'],
      [2, 'Communication and Co-production'],
      [3, 'Early Identification and Intervention'],
      [4, 'Inclusion'],
      [5, 'Pathway'],
      [6, 'Sufficiency'],
      [7, 'Preparation for Adulthood'],
      [8, 'Managing Resources'],
    ]);
    expect(created().data.areas.every((a) => a.description.trim().length > 0)).toBe(true);
  });

  it('seeds exactly the seven recovery-plan priorities, in order', () => {
    expect(created().data.priorities.map((p) => [p.number, p.name])).toEqual([
      [1, 'Build skill and capacity to meet need in mainstream'],
      [2, 'Provide support at an earlier stage'],
      [3, 'Develop support while waiting'],
      [4, 'Strengthen support at transition points'],
      [5, 'Deliver SEND sufficiency of places and proactive commissioning'],
      [6, 'Provide timely and high quality statutory support'],
      [7, 'Provide strong financial oversight and governance'],
    ]);
  });

  it('copies the seeded areas into the event rather than sharing the constants', () => {
    expect(created().data.areas[0]).not.toBe(IMPROVEMENT_AREAS[0]);
  });

  it.each([1, 28, 366])('keeps an explicit stale threshold of %i days', (staleAfterDays) => {
    expect(when(createPlan({ staleAfterDays }), given([]))[0].data).toMatchObject({ staleAfterDays });
  });

  it.each([0, 367, 1.5, -7, Number.NaN])('refuses a stale threshold of %p days', (staleAfterDays) => {
    const error = refusal(() => when(createPlan({ staleAfterDays }), given([])));
    expect(error).toBeInstanceOf(StaleThresholdInvalidError);
    expect(error).toMatchObject({ kind: 'invalid', field: 'staleAfterDays', rule: 'min:1,max:366' });
  });

  it('given the plan exists, refuses to create it again', () => {
    const error = refusal(() => when(createPlan(), given([created()])));
    expect(error).toBeInstanceOf(PlanAlreadyExistsError);
    expect(error).toMatchObject({ kind: 'already_exists', rule: 'planIsNew' });
  });

  it.each([
    ['title', createPlan({ title: ' ' })],
    ['version', createPlan({ version: '' })],
    ['localArea.id', createPlan({ localArea: { id: ' ', name: 'Dorset' } })],
    ['localArea.name', createPlan({ localArea: { id: 'dorset', name: '' } })],
  ])('refuses a blank %s', (field, command) => {
    expect(refusal(() => when(command, given([])))).toMatchObject({ kind: 'invalid', field, rule: 'required' });
  });

  it('refuses an approvedOn that is not a calendar date', () => {
    expect(refusal(() => when(createPlan({ approvedOn: '2025-02-29' }), given([])))).toMatchObject({
      kind: 'invalid',
      field: 'approvedOn',
      rule: 'isCalendarDate',
    });
  });
});

describe('ApprovePlanRevision', () => {
  const approve = (approvedOn: string, version = '2', title?: string): PlanCommand => ({
    type: 'ApprovePlanRevision',
    data: { planId, version, title, approvedOn },
  });

  it('emits PlanRevisionApproved with the previous version, keeping the title when none is given', () => {
    expect(when(approve('2025-09-24'), given([created()]))).toEqual([
      {
        type: 'PlanRevisionApproved',
        data: { planId, version: '2', title: 'SEND and AP Improvement Plan', approvedOn: '2025-09-24', previousVersion: '1' },
      },
    ]);
  });

  it('records a new, trimmed title', () => {
    expect(when(approve('2025-09-24', '2', ' Revised SEND and AP Improvement Plan '), given([created()]))[0].data).toMatchObject({
      title: 'Revised SEND and AP Improvement Plan',
    });
  });

  it('takes previousVersion from the last approved revision', () => {
    const history = [created(), ...when(approve('2025-09-24'), given([created()]))];
    expect(when(approve('2026-03-18', '3'), given(history))[0].data).toMatchObject({ version: '3', previousVersion: '2' });
  });

  it('accepts a revision approved on the same day as the current version', () => {
    expect(when(approve('2024-01-24'), given([created()]))[0].type).toBe('PlanRevisionApproved');
  });

  it('refuses a revision approved before the current version', () => {
    const error = refusal(() => when(approve('2024-01-23'), given([created()])));
    expect(error).toBeInstanceOf(RevisionNotNewerError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'revisionAfterCurrent' });
  });

  it('refuses when the plan does not exist', () => {
    const error = refusal(() => when(approve('2025-09-24'), given([])));
    expect(error).toBeInstanceOf(PlanNotFoundError);
    expect(error).toMatchObject({ kind: 'not_found', rule: 'planExists' });
  });

  it('refuses a blank version, a blank title and a bad date', () => {
    const state = given([created()]);
    expect(refusal(() => when(approve('2025-09-24', ' '), state))).toMatchObject({ field: 'version', rule: 'required' });
    expect(refusal(() => when(approve('2025-09-24', '2', ' '), state))).toMatchObject({ field: 'title', rule: 'required' });
    expect(refusal(() => when(approve('2025-09-31'), state))).toMatchObject({ field: 'approvedOn', rule: 'isCalendarDate' });
  });
});

describe('SetRiskEscalationThreshold', () => {
  const set = (score: number, reason = 'The board wants Amber risks of 12 on its agenda while the direction is in force'): PlanCommand => ({
    type: 'SetRiskEscalationThreshold',
    data: { planId, score, reason },
  });

  it('starts at 15, the first Red score, and records the new threshold with the one it replaces and why', () => {
    const plan = given([created()]);
    expect(plan.status === 'active' && plan.riskEscalationScore).toBe(15);
    expect(when(set(12), plan)).toEqual([{ type: 'RiskEscalationThresholdSet', data: { planId, score: 12, previousScore: 15, reason: 'The board wants Amber risks of 12 on its agenda while the direction is in force' } }]);
    const lowered = given([created(), ...when(set(12), plan)]);
    expect(lowered.status === 'active' && lowered.riskEscalationScore).toBe(12);
    expect(when(set(20), lowered)[0].data).toMatchObject({ score: 20, previousScore: 12 });
  });

  it('given the threshold already in force, records nothing', () => {
    expect(when(set(15), given([created()]))).toEqual([]);
  });

  it.each([0, 26, 12.5, Number.NaN])('refuses a score of %p, naming the field', (score) => {
    const error = refusal(() => when(set(score), given([created()])));
    expect([error.kind, error.field, error.rule]).toEqual(['invalid', 'score', 'riskScore']);
  });

  it('accepts the ends of the matrix', () => {
    expect(when(set(1), given([created()]))).toHaveLength(1);
    expect(when(set(25), given([created()]))).toHaveLength(1);
  });

  it('needs a reason, and a plan', () => {
    expect(refusal(() => when(set(12, ' '), given([created()]))).field).toBe('reason');
    expect(refusal(() => when(set(12), given([]))).rule).toBe('planExists');
  });
});

describe('ChangeStaleThreshold', () => {
  const change = (staleAfterDays: number): PlanCommand => ({ type: 'ChangeStaleThreshold', data: { planId, staleAfterDays } });

  it('emits StaleThresholdChanged with the previous threshold', () => {
    expect(when(change(28), given([created()]))).toEqual([
      { type: 'StaleThresholdChanged', data: { planId, staleAfterDays: 28, previousStaleAfterDays: 42 } },
    ]);
  });

  it('given the same threshold, records nothing', () => {
    expect(when(change(42), given([created()]))).toEqual([]);
  });

  it.each([0, 367, 1.5])('refuses %p days', (days) => {
    expect(refusal(() => when(change(days), given([created()])))).toBeInstanceOf(StaleThresholdInvalidError);
  });

  it('refuses when the plan does not exist', () => {
    expect(refusal(() => when(change(28), given([])))).toBeInstanceOf(PlanNotFoundError);
  });
});

describe('evolvePlan', () => {
  it('starts absent', () => {
    expect(initialPlanState()).toEqual({ status: 'absent' });
  });

  it('folds creation, a revision and a threshold change', () => {
    const history: PlanEvent[] = [
      created(),
      {
        type: 'PlanRevisionApproved',
        data: { planId, version: '2', title: 'Revised SEND and AP Improvement Plan', approvedOn: '2025-09-24', previousVersion: '1' },
      },
      { type: 'StaleThresholdChanged', data: { planId, staleAfterDays: 28, previousStaleAfterDays: 42 } },
    ];
    expect(given(history)).toEqual({
      status: 'active',
      planId,
      localArea: { id: 'dorset', name: 'Dorset' },
      title: 'Revised SEND and AP Improvement Plan',
      version: '2',
      approvedOn: '2025-09-24',
      staleAfterDays: 28,
      areaNumbers: [1, 2, 3, 4, 5, 6, 7, 8],
      priorityNumbers: [1, 2, 3, 4, 5, 6, 7],
      openRound: null,
      riskEscalationScore: 15,
    });
  });

  it('ignores revisions and threshold changes before the plan is created', () => {
    const stray: PlanEvent = { type: 'StaleThresholdChanged', data: { planId, staleAfterDays: 28, previousStaleAfterDays: 42 } };
    expect(given([stray])).toEqual({ status: 'absent' });
  });
});

describe('Update rounds', () => {
  const planId = 'plan-rounds';
  const created = (): PlanEvent[] =>
    decidePlan(
      { type: 'CreatePlan', data: { planId, localArea: { id: 'la', name: 'Local area' }, title: 'Plan', version: '1', approvedOn: '2025-09-17' } },
      initialPlanState(),
      { now: '2025-09-18T09:00:00.000Z', commandId: 'c0', correlationId: 'c0' },
    );
  const at = (now: string) => ({ now, commandId: 'c1', correlationId: 'c1' });
  const fold = (events: PlanEvent[]) => events.reduce(evolvePlan, initialPlanState());
  const open = { type: 'OpenUpdateRound' as const, data: { planId, roundId: 'r1', title: 'Updates for the November board', deadline: '2026-11-09' } };

  it('opens a round from today, counting updates as at today or later', () => {
    expect(decidePlan(open, fold(created()), at('2026-10-26T09:00:00.000Z'))).toEqual([
      { type: 'UpdateRoundOpened', data: { planId, roundId: 'r1', title: 'Updates for the November board', openedOn: '2026-10-26', deadline: '2026-11-09' } },
    ]);
  });

  it('keeps one round open at a time, and closes only the open one', () => {
    const opened = decidePlan(open, fold(created()), at('2026-10-26T09:00:00.000Z'));
    const state = fold([...created(), ...opened]);
    expect(refusal(() => decidePlan({ ...open, data: { ...open.data, roundId: 'r2' } }, state, at('2026-10-27T09:00:00.000Z'))).rule).toBe('oneOpenUpdateRound');
    expect(refusal(() => decidePlan({ type: 'CloseUpdateRound', data: { planId, roundId: 'r2' } }, state, at('2026-11-10T09:00:00.000Z'))).rule).toBe('updateRoundOpen');
    const closed = decidePlan({ type: 'CloseUpdateRound', data: { planId, roundId: 'r1' } }, state, at('2026-11-10T09:00:00.000Z'));
    expect(closed).toEqual([{ type: 'UpdateRoundClosed', data: { planId, roundId: 'r1', closedOn: '2026-11-10' } }]);
    expect(fold([...created(), ...opened, ...closed])).toMatchObject({ openRound: null });
  });

  it('dates a round by the UK day: 23:30Z on 31 July is 1 August in London', () => {
    const opened = decidePlan({ ...open, data: { ...open.data, deadline: '2026-08-01' } }, fold(created()), at('2026-07-31T23:30:00.000Z'));
    expect(opened[0].data).toMatchObject({ openedOn: '2026-08-01', deadline: '2026-08-01' });
    const state = fold([...created(), ...opened]);
    expect(decidePlan({ type: 'CloseUpdateRound', data: { planId, roundId: 'r1' } }, state, at('2026-10-25T23:30:00.000Z'))[0].data).toMatchObject({ closedOn: '2026-10-25' });
  });

  it('refuses a deadline in the past', () => {
    const error = refusal(() => decidePlan(open, fold(created()), at('2026-11-10T09:00:00.000Z')));
    expect(error).toMatchObject({ kind: 'invalid', field: 'deadline', rule: 'notBeforeToday' });
  });

  it('accepts a deadline of today, the day the round opens', () => {
    expect(decidePlan(open, fold(created()), at('2026-11-09T09:00:00.000Z'))[0].data).toMatchObject({ openedOn: '2026-11-09', deadline: '2026-11-09' });
  });

  it('refuses a deadline that is not a date, and a blank title, naming the field', () => {
    const state = fold(created());
    const now = at('2026-10-26T09:00:00.000Z');
    expect(refusal(() => decidePlan({ ...open, data: { ...open.data, deadline: '2026-11-31' } }, state, now))).toMatchObject({ field: 'deadline', rule: 'isCalendarDate' });
    expect(refusal(() => decidePlan({ ...open, data: { ...open.data, title: '  ' } }, state, now))).toMatchObject({ field: 'title', rule: 'required' });
  });
});
