import { RAG_STATUSES } from '../action/rag-status';
import { greenButNotMovingTheNeedle, LinkedMetricPosition } from './impact-flag';

/** EHCPs issued within 20 weeks (higher is better) and permanent exclusions (lower is better), as the demo scorecard has them. */
const timeliness = (latest: LinkedMetricPosition['latest'], previous: LinkedMetricPosition['previous'] = null): LinkedMetricPosition => ({
  metricId: 'm-ehcp-20wk',
  name: 'EHCPs issued within 20 weeks',
  polarity: 'HIGHER_IS_BETTER',
  latest,
  previous,
});
const exclusions = (latest: LinkedMetricPosition['latest'], previous: LinkedMetricPosition['previous'] = null): LinkedMetricPosition => ({
  metricId: 'm-exclusions',
  name: 'Permanent exclusions',
  polarity: 'LOWER_IS_BETTER',
  latest,
  previous,
});
const green = { rag: 'GREEN', status: 'OPEN' } as const;
const onTargetImproving = timeliness({ period: '2025-Q3', value: 62, rag: 'GREEN' }, { period: '2025-Q2', value: 58 });

describe('greenButNotMovingTheNeedle', () => {
  it('flags a Green action whose metric is Red against target, naming the metric and figure', () => {
    expect(greenButNotMovingTheNeedle(green, [timeliness({ period: '2025-Q3', value: 25.8, rag: 'RED' })])).toEqual({
      reasons: [
        {
          kind: 'OFF_TARGET',
          metricId: 'm-ehcp-20wk',
          metricName: 'EHCPs issued within 20 weeks',
          period: '2025-Q3',
          value: 25.8,
          previous: null,
          text: 'EHCPs issued within 20 weeks is off target: 25.8 for 2025-Q3 is Red',
        },
      ],
    });
  });

  it('names a monthly period as the board reads it, the period field staying ISO', () => {
    const falling = timeliness({ period: '2025-08', value: 56, rag: 'AMBER' }, { period: '2025-07', value: 59 });
    expect(greenButNotMovingTheNeedle(green, [falling])?.reasons.map((r) => [r.period, r.text])).toEqual([
      ['2025-08', 'EHCPs issued within 20 weeks is off target: 56 for August 2025 is Amber'],
      ['2025-08', 'EHCPs issued within 20 weeks is getting worse: 59 for July 2025, then 56 for August 2025'],
    ]);
  });

  it('counts Amber as off target too: within tolerance is still the wrong side of the target', () => {
    expect(greenButNotMovingTheNeedle(green, [timeliness({ period: '2025-Q3', value: 57, rag: 'AMBER' })])?.reasons[0]).toMatchObject({
      kind: 'OFF_TARGET',
      text: 'EHCPs issued within 20 weeks is off target: 57 for 2025-Q3 is Amber',
    });
  });

  it('flags a metric on target that got worse between its last two figures (higher is better, falling)', () => {
    const falling = timeliness({ period: '2025-Q3', value: 61, rag: 'GREEN' }, { period: '2025-Q2', value: 64 });
    expect(greenButNotMovingTheNeedle(green, [falling])?.reasons).toEqual([
      {
        kind: 'WORSENING',
        metricId: 'm-ehcp-20wk',
        metricName: 'EHCPs issued within 20 weeks',
        period: '2025-Q3',
        value: 61,
        previous: { period: '2025-Q2', value: 64 },
        text: 'EHCPs issued within 20 weeks is getting worse: 64 for 2025-Q2, then 61 for 2025-Q3',
      },
    ]);
  });

  it('reads worsening by polarity: a rising figure is worse when lower is better, and better when higher is', () => {
    const rising = { latest: { period: '2025/26', value: 44, rag: null }, previous: { period: '2024/25', value: 41.4 } };
    expect(greenButNotMovingTheNeedle(green, [exclusions(rising.latest, rising.previous)])?.reasons.map((r) => r.kind)).toEqual(['WORSENING']);
    expect(greenButNotMovingTheNeedle(green, [timeliness(rising.latest, rising.previous)])).toBeNull();
  });

  it('gives both reasons, off target first, for a metric off target and getting worse', () => {
    const both = exclusions({ period: '2025/26', value: 44, rag: 'RED' }, { period: '2024/25', value: 41.4 });
    expect(greenButNotMovingTheNeedle(green, [both])?.reasons.map((r) => r.kind)).toEqual(['OFF_TARGET', 'WORSENING']);
  });

  it('does not flag a Green action whose metrics are on target and improving or flat', () => {
    const flat = exclusions({ period: '2025/26', value: 41.4, rag: 'GREEN' }, { period: '2024/25', value: 41.4 });
    expect(greenButNotMovingTheNeedle(green, [onTargetImproving, flat])).toBeNull();
  });

  it('does not read decimal noise as a move', () => {
    const noise = exclusions({ period: '2025/26', value: 0.1 + 0.2, rag: 'GREEN' }, { period: '2024/25', value: 0.3 });
    expect(greenButNotMovingTheNeedle(green, [noise])).toBeNull();
  });

  it('says nothing of a metric with no figure yet, or with one figure and no target', () => {
    expect(greenButNotMovingTheNeedle(green, [timeliness(null), exclusions({ period: '2025/26', value: 44, rag: null })])).toBeNull();
  });

  it('does not flag a Green action with no linked metrics', () => {
    expect(greenButNotMovingTheNeedle(green, [])).toBeNull();
  });

  it.each(RAG_STATUSES.filter((r) => r !== 'GREEN'))('does not flag a %s action, however its metrics stand', (rag) => {
    expect(greenButNotMovingTheNeedle({ rag, status: 'OPEN' }, [timeliness({ period: '2025-Q3', value: 25.8, rag: 'RED' })])).toBeNull();
  });

  it.each(['WITHDRAWN', 'SUPERSEDED'] as const)('does not flag a %s action that kept its Green', (status) => {
    expect(greenButNotMovingTheNeedle({ rag: 'GREEN', status }, [timeliness({ period: '2025-Q3', value: 25.8, rag: 'RED' })])).toBeNull();
  });

  it('lists the reasons in metric name order whatever order the metrics come in, leaving out metrics that are fine', () => {
    const offTarget = timeliness({ period: '2025-Q3', value: 25.8, rag: 'RED' });
    const worse = exclusions({ period: '2025/26', value: 44, rag: null }, { period: '2024/25', value: 41.4 });
    const a = greenButNotMovingTheNeedle(green, [worse, onTargetImproving, offTarget]);
    const b = greenButNotMovingTheNeedle(green, [offTarget, worse]);
    expect(a).toEqual(b);
    expect(a?.reasons.map((r) => r.metricName)).toEqual(['EHCPs issued within 20 weeks', 'Permanent exclusions']);
  });

  it('does not read a flat figure as worse when higher is better either', () => {
    const flat = timeliness({ period: '2025-Q3', value: 62, rag: 'GREEN' }, { period: '2025-Q2', value: 62 });
    expect(greenButNotMovingTheNeedle(green, [flat])).toBeNull();
  });

  it('orders by name, then by id for two metrics of one name, whatever order they come in', () => {
    const off = (metricId: string, name: string): LinkedMetricPosition => ({ metricId, name, polarity: 'HIGHER_IS_BETTER', latest: { period: '2025-Q3', value: 1, rag: 'RED' }, previous: null });
    const metrics = [off('m3', 'Children in mainstream'), off('m2', 'Attendance'), off('m4', 'Budget'), off('m1', 'Attendance'), off('m0', 'Children in mainstream')];
    const expected = ['m1', 'm2', 'm4', 'm0', 'm3'];
    for (const order of [metrics, [...metrics].reverse(), [metrics[2], metrics[0], metrics[4], metrics[1], metrics[3]]]) {
      expect(greenButNotMovingTheNeedle(green, order)?.reasons.map((r) => r.metricId)).toEqual(expected);
    }
  });
});
