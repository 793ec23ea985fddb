import { ActionForSlip, dependencyRisks, slipReasons } from './dependency-risk';
import { DependsOn } from './dependency-graph';

const today = '2026-12-07';
const action = (ref: string, over: Partial<ActionForSlip> = {}): ActionForSlip => ({
  actionId: ref, ref, status: 'OPEN', rag: 'GREEN', dueDate: '2027-03-31', originalDueDate: '2027-03-31', ...over,
});
const plan = (...actions: ActionForSlip[]) => new Map(actions.map((a) => [a.actionId, a]));

describe('slipReasons', () => {
  it('a Green action on its first due date, not yet due, is not slipping', () => {
    expect(slipReasons(action('5.1'), today)).toEqual([]);
    expect(slipReasons(action('5.1', { rag: 'AMBER' }), today)).toEqual([]);
  });

  it('names each reason that holds', () => {
    expect(slipReasons(action('5.1', { rag: 'RED' }), today)).toEqual(['RED']);
    expect(slipReasons(action('5.1', { dueDate: '2026-12-06', originalDueDate: '2026-12-06' }), today)).toEqual(['OVERDUE']);
    expect(slipReasons(action('5.1', { dueDate: '2027-06-30' }), today)).toEqual(['DUE_DATE_MOVED']);
    expect(slipReasons(action('5.1', { rag: 'RED', dueDate: '2026-11-30', originalDueDate: '2026-09-30' }), today)).toEqual(['RED', 'OVERDUE', 'DUE_DATE_MOVED']);
  });

  it('is not overdue on its due date, and brought forward is not a slip', () => {
    expect(slipReasons(action('5.1', { dueDate: today, originalDueDate: today }), today)).toEqual([]);
    expect(slipReasons(action('5.1', { dueDate: '2027-01-31', originalDueDate: '2027-03-31' }), today)).toEqual([]);
  });

  it('only an open action slips', () => {
    for (const status of ['COMPLETE', 'WITHDRAWN', 'SUPERSEDED']) {
      expect(slipReasons(action('5.1', { status, rag: 'RED', dueDate: '2026-01-01', originalDueDate: '2025-12-01' }), today)).toEqual([]);
    }
  });
});

describe('dependencyRisks', () => {
  const chain: DependsOn = { '5.3': ['5.1'], '5.4': ['5.3'] };

  it('flags the actions downstream of a slipping action, naming the chain to it', () => {
    const risks = dependencyRisks(chain, plan(action('5.1', { rag: 'RED' }), action('5.3'), action('5.4')), today);
    expect(Object.fromEntries(risks)).toEqual({
      '5.3': [{ fromActionId: '5.1', reasons: ['RED'], chain: ['5.3', '5.1'] }],
      '5.4': [{ fromActionId: '5.1', reasons: ['RED'], chain: ['5.4', '5.3', '5.1'] }],
    });
  });

  it('flags nothing when nothing upstream slips, and never the slipping action itself', () => {
    expect(dependencyRisks(chain, plan(action('5.1'), action('5.3'), action('5.4')), today).size).toBe(0);
    expect(dependencyRisks(chain, plan(action('5.1'), action('5.3'), action('5.4', { rag: 'RED' })), today).size).toBe(0);
  });

  it('names every slipping action upstream, nearest first', () => {
    const risks = dependencyRisks(chain, plan(action('5.1', { rag: 'RED' }), action('5.3', { dueDate: '2027-09-30' }), action('5.4')), today);
    expect(risks.get('5.4')).toEqual([
      { fromActionId: '5.3', reasons: ['DUE_DATE_MOVED'], chain: ['5.4', '5.3'] },
      { fromActionId: '5.1', reasons: ['RED'], chain: ['5.4', '5.3', '5.1'] },
    ]);
    expect(risks.get('5.3')).toEqual([{ fromActionId: '5.1', reasons: ['RED'], chain: ['5.3', '5.1'] }]);
  });

  it('stops at a finished, withdrawn or superseded action: nothing waits on it any more', () => {
    for (const status of ['COMPLETE', 'WITHDRAWN', 'SUPERSEDED']) {
      const risks = dependencyRisks(chain, plan(action('5.1', { rag: 'RED' }), action('5.3', { status }), action('5.4')), today);
      expect(Object.fromEntries(risks)).toEqual({});
    }
  });

  it('flags no action that is itself finished', () => {
    expect(dependencyRisks(chain, plan(action('5.1', { rag: 'RED' }), action('5.3', { status: 'COMPLETE' }), action('5.4', { status: 'COMPLETE' })), today).size).toBe(0);
  });

  it('takes the shortest chain when there are two routes, and names a slipping action once', () => {
    const diamond: DependsOn = { '5.5': ['5.4', '5.1'], '5.4': ['5.3'], '5.3': ['5.1'] };
    const risks = dependencyRisks(diamond, plan(action('5.1', { rag: 'RED' }), action('5.3'), action('5.4'), action('5.5')), today);
    expect(risks.get('5.5')).toEqual([{ fromActionId: '5.1', reasons: ['RED'], chain: ['5.5', '5.1'] }]);
  });

  it('ignores an action the plan does not hold (not yet added as at the instant shown)', () => {
    expect(dependencyRisks({ '5.3': ['5.9'] }, plan(action('5.3')), today).size).toBe(0);
  });

  it('terminates on a loop in old data, without flagging an action from itself', () => {
    const risks = dependencyRisks({ '5.1': ['5.3'], '5.3': ['5.1'] }, plan(action('5.1', { rag: 'RED' }), action('5.3')), today);
    expect(Object.fromEntries(risks)).toEqual({ '5.3': [{ fromActionId: '5.1', reasons: ['RED'], chain: ['5.3', '5.1'] }] });
  });
});
