import { ActionState } from '../action/action.decider';
import { PlanState } from '../plan/plan.decider';
import { MetricState } from '../scorecard/metric.decider';
import { CommandMetadata } from '../shared/command-metadata';
import { refusal } from '../shared/refusal.fixture';
import { AddCondition, ConditionCommand } from './condition.commands';
import { ConditionDecisionContext, ConditionState, decideCondition, evolveCondition, initialConditionState } from './condition.decider';
import { ConditionEvent } from './condition.events';

const meta = (now = '2026-12-07T10:00:00.000Z'): CommandMetadata => ({ now, commandId: 'c1', correlationId: 'c1' });
const given = (events: ConditionEvent[]): ConditionState => events.reduce(evolveCondition, initialConditionState());

const plan = { status: 'active', planId: 'plan-1', priorityNumbers: [1, 2, 3, 4, 5, 6, 7] } as PlanState;
const action = (actionId: string, planId = 'plan-1') => ({ exists: true, actionId, planId }) as ActionState;
const metric = (metricId: string, planId = 'plan-1') => ({ exists: true, metricId, planId }) as MetricState;
const context: ConditionDecisionContext = { plan, actions: { 'a-1': action('a-1'), 'a-other': action('a-other', 'plan-2') }, metrics: { 'm-1': metric('m-1') } };
const when = (command: ConditionCommand, state: ConditionState, now?: string) => decideCondition(command, state, meta(now), context);

const conditionId = 'c-2';
const add = (data: Partial<AddCondition['data']> = {}): ConditionCommand => ({
  type: 'AddCondition',
  data: {
    conditionId,
    planId: 'plan-1',
    ref: 'C2',
    text: 'Reduce the in-year High Needs Block deficit to the trajectory agreed',
    sourceParagraph: 'Paragraph 8',
    measureOfSuccess: 'Quarterly forecast outturn at or below the trajectory',
    dueDate: '2027-03-31',
    actionIds: ['a-1'],
    metricIds: [],
    ...data,
  },
});
const added = (): ConditionEvent[] => when(add(), given([]));
const record = (quarter: string, status: string, commentary = 'Q2 forecast gap of £71m against £57.5m budgeted'): ConditionCommand => ({
  type: 'RecordConditionStatus',
  data: { conditionId, quarter, status: status as 'MET', commentary },
});
const approve = (quarter: string, version: number): ConditionCommand => ({ type: 'ApproveConditionStatus', data: { conditionId, quarter, version } });
/** Applies each command in turn, as the store would, and hands back every event. */
const history = (...commands: ConditionCommand[]): ConditionEvent[] =>
  commands.reduce<ConditionEvent[]>((events, command) => [...events, ...when(command, given(events))], []);

describe('A condition in the register', () => {
  it('is added with its wording, source paragraph, measure, due date and links', () => {
    expect(added()).toEqual([{ type: 'ConditionAdded', data: expect.objectContaining({ ref: 'C2', sourceParagraph: 'Paragraph 8', dueDate: '2027-03-31', actionIds: ['a-1'], metricIds: [] }) }]);
  });

  it.each([
    ['ref', { ref: 'C02' }],
    ['text', { text: '  ' }],
    ['sourceParagraph', { sourceParagraph: '' }],
    ['measureOfSuccess', { measureOfSuccess: '\u200b' }],
    ['dueDate', { dueDate: '2027-02-30' }],
    ['actionIds', { actionIds: ['a-other'] }],
    ['actionIds', { actionIds: ['a-1', 'a-1'] }],
    ['metricIds', { metricIds: ['m-unknown'] }],
  ])('refuses an addition naming the field %s', (field, data) => {
    expect(refusal(() => when(add(data), given([]))).field).toBe(field);
  });

  it('refuses a second C2 in the plan, and a plan that is not there', () => {
    expect(refusal(() => when(add(), given(added()))).rule).toBe('conditionRefUniqueInPlan');
    expect(refusal(() => when(add({ planId: 'plan-9' }), given([]))).rule).toBe('planExists');
  });

  it('keeps each version of its wording, with the reason, and refuses a revision that changes nothing', () => {
    const revise = (text: string): ConditionCommand => ({
      type: 'ReviseConditionWording',
      data: { conditionId, text, sourceParagraph: 'Paragraph 8', measureOfSuccess: 'Quarterly forecast outturn at or below the trajectory', dueDate: '2027-03-31', reason: 'Varied by the DfE in October' },
    });
    const events = history(add(), revise('Reduce the deficit to £57.5m in 2025/26'));
    expect(events[1]).toEqual({ type: 'ConditionWordingRevised', data: expect.objectContaining({ version: 2, text: 'Reduce the deficit to £57.5m in 2025/26', reason: 'Varied by the DfE in October' }) });
    expect(refusal(() => when(revise('Reduce the deficit to £57.5m in 2025/26'), given(events))).rule).toBe('wordingChanges');
  });
});

describe("A condition's status each quarter", () => {
  it('is recorded with commentary, numbered from version 1 within its quarter', () => {
    const events = history(add(), record('2025/26 Q2', 'NOT_ON_TRACK'));
    expect(events[1].data).toEqual(expect.objectContaining({ quarter: '2025/26 Q2', version: 1, status: 'NOT_ON_TRACK', replacesApproved: false }));
  });

  it.each([
    ['quarter', record('2025/27 Q2', 'MET')],
    ['quarter', record('2025 Q2', 'MET')],
    ['quarter', record('2025/26 Q5', 'MET')],
    ['status', record('2025/26 Q2', 'AMBER')],
    ['commentary', record('2025/26 Q2', 'MET', ' ')],
  ])('refuses a status naming the field %s', (field, command) => {
    expect(refusal(() => when(command, given(added()))).field).toBe(field);
  });

  it('cannot be recorded for a quarter that has not begun (London dates)', () => {
    expect(refusal(() => when(record('2026/27 Q4', 'ON_TRACK'), given(added()))).rule).toBe('quarterBegun');
    expect(when(record('2026/27 Q4', 'ON_TRACK'), given(added()), '2027-01-01T00:30:00.000Z')).toHaveLength(1);
  });

  it('refuses recording the same status and commentary again', () => {
    expect(refusal(() => when(record('2025/26 Q2', 'ON_TRACK'), given(history(add(), record('2025/26 Q2', 'ON_TRACK'))))).rule).toBe('statusChanges');
  });
});

describe("The board chair's approval of a quarter's status", () => {
  it('approves the version the chair read', () => {
    const events = history(add(), record('2025/26 Q2', 'NOT_ON_TRACK'), approve('2025/26 Q2', 1));
    expect(events[2]).toEqual({ type: 'ConditionStatusApproved', data: { conditionId, quarter: '2025/26 Q2', version: 1, status: 'NOT_ON_TRACK' } });
  });

  it('refuses a status changed since it was read, one already approved, and a quarter with none', () => {
    const twice = history(add(), record('2025/26 Q2', 'NOT_ON_TRACK'), record('2025/26 Q2', 'ON_TRACK', 'Panel savings landed'));
    expect(refusal(() => when(approve('2025/26 Q2', 1), given(twice))).field).toBe('version');
    const approved = history(add(), record('2025/26 Q2', 'NOT_ON_TRACK'), approve('2025/26 Q2', 1));
    expect(refusal(() => when(approve('2025/26 Q2', 1), given(approved))).rule).toBe('statusNotYetApproved');
    expect(refusal(() => when(approve('2025/26 Q3', 1), given(approved))).rule).toBe('statusRecorded');
  });

  it('is never silently overwritten: a later status says it replaces an approved one, and needs approval again', () => {
    const events = history(add(), record('2025/26 Q2', 'NOT_ON_TRACK'), approve('2025/26 Q2', 1), record('2025/26 Q2', 'ON_TRACK', 'Revised forecast'));
    expect(events[3].data).toEqual(expect.objectContaining({ version: 2, status: 'ON_TRACK', replacesApproved: true }));
    const state = given(events);
    expect(state.exists && state.quarters['2025/26 Q2']).toEqual({ version: 2, status: 'ON_TRACK', commentary: 'Revised forecast', approvedVersion: 1 });
    expect(when(approve('2025/26 Q2', 2), state)).toHaveLength(1);
  });
});

describe("A condition's links to actions and metrics", () => {
  const link = (kind: 'ACTION' | 'METRIC', id: string): ConditionCommand => ({ type: 'LinkToCondition', data: { conditionId, link: { kind, id } } });
  const unlink = (kind: 'ACTION' | 'METRIC', id: string): ConditionCommand => ({ type: 'UnlinkFromCondition', data: { conditionId, link: { kind, id } } });

  it('links a metric of its plan and unlinks an action', () => {
    const state = given(history(add(), link('METRIC', 'm-1'), unlink('ACTION', 'a-1')));
    expect(state.exists && [state.actionIds, state.metricIds]).toEqual([[], ['m-1']]);
  });

  it('refuses a link twice, one outside the plan, and unlinking what is not linked', () => {
    expect(refusal(() => when(link('ACTION', 'a-1'), given(added()))).rule).toBe('linkIsNew');
    expect(refusal(() => when(link('ACTION', 'a-other'), given(added()))).field).toBe('actionId');
    expect(refusal(() => when(link('METRIC', 'm-9'), given(added()))).field).toBe('metricId');
    expect(refusal(() => when(unlink('METRIC', 'm-1'), given(added()))).rule).toBe('linkExists');
  });
});

describe("A condition's links to finance lines", () => {
  const link = (id: string): ConditionCommand => ({ type: 'LinkToCondition', data: { conditionId, link: { kind: 'FINANCE_LINE', id } } });
  const unlink = (id: string): ConditionCommand => ({ type: 'UnlinkFromCondition', data: { conditionId, link: { kind: 'FINANCE_LINE', id } } });

  it('links the High Needs Block deficits and a recovery priority of the plan, and unlinks one', () => {
    const events = history(add(), link('HIGH_NEEDS_CUMULATIVE_DEFICIT'), link('HIGH_NEEDS_IN_YEAR_DEFICIT'), link('PRIORITY_SAVINGS:7'), unlink('HIGH_NEEDS_IN_YEAR_DEFICIT'));
    expect(events[3]).toEqual({ type: 'ConditionLinked', data: { conditionId, link: { kind: 'FINANCE_LINE', id: 'PRIORITY_SAVINGS:7' } } });
    const state = given(events);
    expect(state.exists && [state.actionIds, state.metricIds, state.financeLines]).toEqual([['a-1'], [], ['HIGH_NEEDS_CUMULATIVE_DEFICIT', 'PRIORITY_SAVINGS:7']]);
  });

  it.each(['HIGH_NEEDS_DEFICIT', 'high_needs_in_year_deficit', 'PRIORITY_SAVINGS', 'PRIORITY_SAVINGS:8', 'PRIORITY_SAVINGS:0', 'PRIORITY_SAVINGS:03', 'PRIORITY_SAVINGS:1.5'])('refuses the unknown line %s, naming the field and the rule', (id) => {
    const refused = refusal(() => when(link(id), given(added())));
    expect([refused.field, refused.rule]).toEqual(['financeLine', 'knownFinanceLine']);
  });

  it('refuses a line linked twice, and unlinking a line that is not linked', () => {
    expect(refusal(() => when(link('HIGH_NEEDS_IN_YEAR_DEFICIT'), given(history(add(), link('HIGH_NEEDS_IN_YEAR_DEFICIT'))))).rule).toBe('linkIsNew');
    expect(refusal(() => when(unlink('HIGH_NEEDS_IN_YEAR_DEFICIT'), given(added()))).rule).toBe('linkExists');
    expect(refusal(() => when(link(' '), given(added()))).field).toBe('financeLine');
  });

  it('still evolves a condition from the link events written before finance lines existed', () => {
    const stored: ConditionEvent[] = [
      ...added(),
      { type: 'ConditionLinked', data: { conditionId, link: { kind: 'METRIC', id: 'm-1' } } },
      { type: 'ConditionLinked', data: { conditionId, link: { kind: 'ACTION', id: 'a-2' } } },
      { type: 'ConditionUnlinked', data: { conditionId, link: { kind: 'ACTION', id: 'a-1' } } },
    ];
    const state = given(stored);
    expect(state.exists && [state.actionIds, state.metricIds, state.financeLines]).toEqual([['a-2'], ['m-1'], []]);
  });
});
