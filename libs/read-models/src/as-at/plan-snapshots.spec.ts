import { PlanSnapshot, PlanSnapshots, monthEndsBetween } from './plan-snapshots';

const snapshot = (planId: string, asAt: string): PlanSnapshot => ({ planId, asAt, fold: { draft: undefined, boundary: null }, reached: new Map() });

describe('PlanSnapshots', () => {
  it('when full, lets go of older snapshots before any plan’s newest, however long ago that plan was read', () => {
    const snapshots = new PlanSnapshots(3);
    for (const s of [snapshot('p', '2026-01-31'), snapshot('p', '2026-02-28'), snapshot('q', '2026-01-31'), snapshot('q', '2026-02-28'), snapshot('q', '2026-03-31')]) snapshots.keep(s);
    expect(snapshots.size).toBe(3);
    expect(snapshots.latestBy('p', '2026-12-01')?.asAt).toBe('2026-02-28');
    expect(snapshots.latestBy('q', '2026-12-01')?.asAt).toBe('2026-03-31');
    expect(snapshots.latestBy('q', '2026-02-28')?.asAt).toBe('2026-02-28');
  });
});

describe('monthEndsBetween', () => {
  it('gives the last UK millisecond of each month, in winter and in summer time, after the first instant and by the second', () => {
    expect(monthEndsBetween('2026-01-31T23:59:59.999Z', '2026-04-30T22:59:59.999Z')).toEqual(['2026-02-28T23:59:59.999Z', '2026-03-31T22:59:59.999Z', '2026-04-30T22:59:59.999Z']);
    // 23:30 UTC on 31 March is already 1 April in the UK.
    expect(monthEndsBetween('2026-03-31T23:30:00.000Z', '2026-05-01T00:00:00.000Z')).toEqual(['2026-04-30T22:59:59.999Z']);
  });
});
