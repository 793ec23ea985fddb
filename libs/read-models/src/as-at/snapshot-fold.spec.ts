import { ActionEvent, addDays, endOfLondonDay, IMPROVEMENT_AREAS, MetricEvent, OwnerRenamed, PlanEvent, RECOVERY_PRIORITIES } from '@send/domain';
import { RecordedEvent } from '@send/event-store';
import { planViewAt } from './plan-view';
import { AsAtCache, asAtCache, viewsFromSnapshots } from './snapshot-fold';

/**
 * Views folded on from snapshots against the same views folded from the whole history, at many
 * instants: month ends (where snapshots sit) and a millisecond either side, UK day boundaries in
 * winter and summer time, every event's own instant, with corrections known later, and histories
 * where an event is recorded late but dated earlier.
 */
class History {
  private position = 0n;
  readonly streams = new Map<string, RecordedEvent[]>();

  append(streamId: string, occurredAt: string, event: PlanEvent | ActionEvent | MetricEvent | OwnerRenamed): RecordedEvent {
    const stream = this.streams.get(streamId) ?? [];
    this.streams.set(streamId, stream);
    this.position += 1n;
    const recorded: RecordedEvent = {
      id: `e${this.position}`,
      ...event,
      data: event.data as unknown as Record<string, unknown>,
      metadata: { schemaVersion: 1, occurredAt },
      streamId,
      revision: BigInt(stream.length),
      position: this.position,
      recordedAt: occurredAt,
    };
    stream.push(recorded);
    return recorded;
  }

  /** Reads as the store does: a copy of the stream from `held` on. */
  readonly read = async (streamId: string, held: number) => (this.streams.get(streamId) ?? []).slice(held);

  whole(streamIds: string[]): RecordedEvent[][] {
    return streamIds.map((id) => this.streams.get(id) ?? []);
  }
}

const owner = (n: number) => ({ ownerId: `owner-${n}`, name: `Owner ${n}`, role: 'Service lead', organisation: 'Council' });
const created = (planId: string): PlanEvent => ({
  type: 'PlanCreated',
  data: { planId, localArea: { id: `area-${planId}`, name: 'Area' }, title: 'Plan', version: '2.0', approvedOn: '2025-09-18', staleAfterDays: 45, areas: [...IMPROVEMENT_AREAS], priorities: [...RECOVERY_PRIORITIES] },
});
const added = (planId: string, actionId: string, n: number): ActionEvent => ({
  type: 'ActionAdded',
  data: { actionId, planId, ref: `8.${n}`, areaNumber: 8, priorityNumbers: [7], title: `Action ${n}`, description: 'd', intendedImpact: 'i', owner: owner(n), leadOrganisation: 'Council', dueDate: '2026-12-31' },
});
const RAGS = ['GREEN', 'AMBER', 'RED'] as const;
const reported = (actionId: string, k: number, asAt: string): ActionEvent => ({
  type: 'ProgressReported',
  data: { actionId, rag: RAGS[k % 3], previousRag: RAGS[(k + 2) % 3], commentary: `Update ${k}`, asAt },
});
const corrected = (actionId: string, supersedesRevision: number): ActionEvent => ({
  type: 'ProgressCorrected',
  data: { actionId, supersedesRevision, rag: 'RED', commentary: 'Corrected', asAt: '2026-02-02', reason: 'Wrong figures', superseded: { rag: 'GREEN', commentary: 'x', asAt: '2026-02-02' }, replacesCurrent: false },
});
const renamed = (n: number, name: string): OwnerRenamed => ({ type: 'OwnerRenamed', data: { ownerId: `owner-${n}`, name, organisation: 'Council', role: null, previousName: `Owner ${n}`, previousOrganisation: 'Council' } });

const PLAN = 'p';
const ACTIONS = ['a1', 'a2', 'a3'];
const STREAMS = [`plan-${PLAN}`, ...ACTIONS.map((a) => `action-${a}`), 'metric-m', 'owner-owner-1'];

/** Half a year of updates, several a week, some exactly at a month's end or a UK midnight, with corrections and a rename, recorded in time order. */
function planHistory(): History {
  const events: [string, string, PlanEvent | ActionEvent | MetricEvent | OwnerRenamed][] = [];
  const at = (streamId: string, occurredAt: string, event: PlanEvent | ActionEvent | MetricEvent | OwnerRenamed) => events.push([streamId, occurredAt, event]);
  at(`plan-${PLAN}`, '2025-12-01T09:00:00.000Z', created(PLAN));
  ACTIONS.forEach((a, i) => at(`action-${a}`, `2025-12-0${2 + i}T09:00:00.000Z`, added(PLAN, a, i + 1)));
  at('metric-m', '2025-12-05T09:00:00.000Z', {
    type: 'MetricDefined',
    data: { metricId: 'm', planId: PLAN, name: 'Mainstream', description: 'd', unit: 'PERCENT', polarity: 'HIGHER_IS_BETTER', frequency: 'MONTHLY', source: 'SEN2', owner: 'Lead', areaNumbers: [4], actionIds: [] },
  });
  let k = 0;
  for (let day = 0; day < 180; day += 3) {
    const date = addDays('2025-12-06', day);
    const a = ACTIONS[(day / 3) % 3];
    at(`action-${a}`, `${date}T1${day % 10}:00:00.000Z`, reported(a, k++, date));
    if (day % 9 === 0) at('metric-m', `${date}T12:00:00.000Z`, { type: 'MeasurementRecorded', data: { metricId: 'm', period: date.slice(0, 7), asAt: date, source: 'SEN2', provisional: false, measurementId: `m${day}`, value: 40 + day / 10 } });
  }
  // At the very instant a month ends (31 March is in summer time, January in winter), and the first moment of the next UK day.
  at('action-a1', endOfLondonDay('2026-03-31'), reported('a1', k++, '2026-03-31'));
  at('action-a2', '2026-03-31T23:00:00.000Z', reported('a2', k++, '2026-04-01'));
  at('action-a3', endOfLondonDay('2026-01-31'), reported('a3', k++, '2026-01-31'));
  at('owner-owner-1', '2026-04-10T09:00:00.000Z', renamed(1, 'Owner One'));
  // Corrections, recorded in May and June, of updates from the beginning.
  at('action-a2', '2026-05-20T09:00:00.000Z', corrected('a2', 1));
  at('action-a3', '2026-06-20T09:00:00.000Z', corrected('a3', 2));
  const history = new History();
  // Revisions follow the order within each stream; corrections name revisions 1 and 2, which the reports' order keeps.
  for (const [streamId, occurredAt, event] of events.sort((x, y) => (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0))) history.append(streamId, occurredAt, event);
  return history;
}

const instantsOf = (history: History): string[] => {
  const monthEnds = ['2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31'].map(endOfLondonDay);
  const shifted = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();
  return [
    ...monthEnds.flatMap((end) => [shifted(end, -1), end, shifted(end, 1)]),
    ...Array.from({ length: 40 }, (_, d) => endOfLondonDay(addDays('2025-11-30', d * 5))),
    ...history.whole(STREAMS).flat().map((e) => e.metadata.occurredAt),
    '2026-10-25T00:59:59.999Z',
    '2026-12-08T12:00:00.000Z',
  ];
};

const fromSnapshots = (history: History, cache: AsAtCache, instants: string[], knownAt?: string) => viewsFromSnapshots(history.read, PLAN, STREAMS, instants, knownAt, undefined, cache);
const wholeFold = (history: History, asAt: string, knownAt?: string) => planViewAt(history.whole(STREAMS), asAt, knownAt ?? asAt);

describe('as-at views folded on from snapshots', () => {
  it('equal the fold of the whole history at every instant, asked in any order', async () => {
    const history = planHistory();
    const instants = instantsOf(history);
    const cache = asAtCache({ snapshots: 100, views: 0 });
    // Latest first (every month end snapshotted at once), then from the start, then shuffled.
    const orders = [[...instants].sort().reverse(), [...instants].sort(), instants.map((at, i) => instants[(i * 37) % instants.length])];
    for (const order of orders) {
      for (const asAt of order) expect(await fromSnapshots(history, cache, [asAt])).toEqual([wholeFold(history, asAt)]);
    }
    expect(cache.snapshots.size).toBeGreaterThanOrEqual(5);
  });

  it('equal it with corrections known later, and for several instants asked at once', async () => {
    const history = planHistory();
    const cache = asAtCache({ snapshots: 100, views: 0 });
    await fromSnapshots(history, cache, ['2026-12-01T00:00:00.000Z']);
    const pairs: [string, string][] = [
      ['2026-01-10T00:00:00.000Z', '2026-05-21T00:00:00.000Z'],
      ['2026-01-10T00:00:00.000Z', '2026-12-01T00:00:00.000Z'],
      [endOfLondonDay('2026-02-28'), '2026-06-21T00:00:00.000Z'],
      ['2026-04-15T00:00:00.000Z', '2026-04-16T00:00:00.000Z'],
    ];
    for (const [asAt, knownAt] of pairs) expect(await fromSnapshots(history, cache, [asAt], knownAt)).toEqual([wholeFold(history, asAt, knownAt)]);
    const several = ['2026-03-01T00:00:00.000Z', endOfLondonDay('2026-01-31'), '2026-06-30T00:00:00.000Z'];
    expect(await fromSnapshots(history, cache, several)).toEqual(several.map((at) => wholeFold(history, at)));
  });

  it('never serve a snapshot an event recorded later but dated before it has made stale', async () => {
    const history = planHistory();
    const cache = asAtCache({ snapshots: 100, views: 0 });
    await fromSnapshots(history, cache, ['2026-12-01T00:00:00.000Z']);
    // Recorded now, dated in April, in a stream with nothing later: the snapshots of April's and May's ends lack it.
    history.append('owner-owner-1', '2026-04-20T09:00:00.000Z', renamed(1, 'Owner Uno'));
    for (const asAt of [endOfLondonDay('2026-04-30'), '2026-05-15T00:00:00.000Z', '2026-12-01T00:00:00.000Z']) {
      const [view] = await fromSnapshots(history, cache, [asAt]);
      expect(view).toEqual(wholeFold(history, asAt));
      expect(view!.actions[0].owner.name).toBe('Owner Uno');
    }
  });

  it('never fold on from a later snapshot that holds less of a stream than an earlier one taken since', async () => {
    const history = new History();
    history.append(`plan-${PLAN}`, '2025-12-01T09:00:00.000Z', created(PLAN));
    history.append('action-a1', '2025-12-02T09:00:00.000Z', added(PLAN, 'a1', 1));
    for (let m = 0; m < 6; m++) {
      history.append('action-a1', `2026-0${1 + m}-20T09:00:00.000Z`, reported('a1', m, `2026-0${1 + m}-20`));
      if (m === 0) history.append('owner-owner-1', '2026-02-10T09:00:00.000Z', renamed(1, 'Owner One'));
    }
    // Room for two: April's and May's ends are kept.
    const cache = asAtCache({ snapshots: 2, views: 0 });
    await fromSnapshots(history, cache, ['2026-12-01T00:00:00.000Z']);
    // Recorded now, dated in March: a snapshot of March's end taken from here on holds two of the owner's events, May's holds one.
    history.append('owner-owner-1', '2026-03-05T09:00:00.000Z', renamed(1, 'Owner Cinco'));
    await fromSnapshots(history, cache, [endOfLondonDay('2026-03-31')]);
    const instants = [endOfLondonDay('2026-03-31'), '2026-06-25T00:00:00.000Z'];
    const views = await fromSnapshots(history, cache, instants);
    expect(views).toEqual(instants.map((at) => wholeFold(history, at)));
    expect(views[1]!.actions[0].owner.name).toBe('Owner Cinco');
  });

  it('fold from the start when an event recorded late comes before one already folded into a snapshot', async () => {
    const history = new History();
    history.append(`plan-${PLAN}`, '2026-01-05T09:00:00.000Z', created(PLAN));
    // Added in March, then a rename imported afterwards but dated in February: the whole fold names the owner anew.
    history.append('action-a1', '2026-03-15T09:00:00.000Z', added(PLAN, 'a1', 1));
    history.append('owner-owner-1', '2026-02-10T09:00:00.000Z', renamed(1, 'Owner One'));
    const cache = asAtCache({ snapshots: 100, views: 0 });
    const [view] = await fromSnapshots(history, cache, ['2026-03-20T00:00:00.000Z']);
    expect(view).toEqual(wholeFold(history, '2026-03-20T00:00:00.000Z'));
    expect(view!.actions[0].owner.name).toBe('Owner One');
  });
});

describe('the as-at views cache', () => {
  it('is keyed by the plan’s own streams: a write elsewhere keeps a view, a write to the plan replaces it', async () => {
    const history = planHistory();
    const cache = asAtCache({ snapshots: 100, views: 8 });
    const now = '2026-12-01T00:00:00.000Z';
    const [first] = await fromSnapshots(history, cache, [now]);
    history.append('plan-other', '2026-11-30T09:00:00.000Z', created('other'));
    const [again] = await fromSnapshots(history, cache, [now]);
    expect(again!.actions).toBe(first!.actions);
    history.append('action-a1', '2026-11-30T10:00:00.000Z', reported('a1', 7, '2026-11-30'));
    const [changed] = await fromSnapshots(history, cache, [now]);
    expect(changed).toEqual(wholeFold(history, now));
    expect(changed!.actions[0].latestCommentary).toBe('Update 7');
  });

  it('keeps one view for every instant after the plan’s last event, shown at the instant asked', async () => {
    const history = planHistory();
    const cache = asAtCache({ snapshots: 100, views: 8 });
    const [morning] = await fromSnapshots(history, cache, ['2026-12-01T09:00:00.000Z']);
    const [evening] = await fromSnapshots(history, cache, ['2026-12-01T18:00:00.000Z'], '2026-12-02T00:00:00.000Z');
    expect(evening!.actions).toBe(morning!.actions);
    expect(evening).toEqual(wholeFold(history, '2026-12-01T18:00:00.000Z', '2026-12-02T00:00:00.000Z'));
    expect(cache.views.size).toBe(1);
  });

  it('holds no more snapshots and views than it is given room for', async () => {
    const history = planHistory();
    const cache = asAtCache({ snapshots: 2, views: 3 });
    const instants = instantsOf(history).slice(0, 30);
    for (const asAt of instants) expect(await fromSnapshots(history, cache, [asAt])).toEqual([wholeFold(history, asAt)]);
    expect(cache.snapshots.size).toBe(2);
    expect(cache.views.size).toBe(3);
  });
});
