import { CalendarDate } from '@send/domain';
import { LeastRecentlyUsed, RecordedEvent } from '@send/event-store';
import { correctedLate, SlottedEvent, streamPrefixAt, bySlot } from './known-at';
import { PlanSnapshot, PlanSnapshots, monthEndsBetween } from './plan-snapshots';
import { foldOn, PlanFold, PlanView, planViewAt, viewOfFold } from './plan-view';

/** What the as-at views keep in memory between requests: snapshots to fold on from, and views already folded. Both bounded. */
export interface AsAtCache {
  snapshots: PlanSnapshots;
  /** Keyed by plan, instants and the plan's own streams' tip: a write to another plan leaves them be. */
  views: LeastRecentlyUsed<string, PlanView | undefined>;
}

export const asAtCache = (sizes: { snapshots: number; views: number }): AsAtCache => ({ snapshots: new PlanSnapshots(sizes.snapshots), views: new LeastRecentlyUsed(sizes.views) });

/** A stream's events after the first `held` (all of them for 0). */
export type ReadTail = (streamId: string, held: number) => Promise<RecordedEvent[]>;

/** A snapshot no longer agrees with the store: an event was recorded after it was taken but dated by its instant. */
class StaleSnapshot extends Error {}

/** The fold could not go on from a snapshot for this instant (a late correction, or an event out of order): fold from the start. */
const FROM_THE_START = Symbol('from the start');

/**
 * The plan at each instant, as `planViewAt` folds it from the whole history, but folded on from the
 * latest snapshot at or before the instant, so only the events after it are folded (and only the
 * streams' ends read). Snapshots are taken at the month ends a fold passes. A snapshot is folded on
 * only with events that all come after everything it holds, so the order is the whole fold's.
 */
export async function viewsFromSnapshots(read: ReadTail, planId: string, streamIds: string[], instants: string[], knownAt: string | undefined, asOfDate: CalendarDate | undefined, cache: AsAtCache): Promise<(PlanView | undefined)[]> {
  try {
    return await attempt(read, planId, streamIds, instants, knownAt, asOfDate, cache);
  } catch (error) {
    if (!(error instanceof StaleSnapshot)) throw error;
    cache.snapshots.forget(planId);
    return attempt(read, planId, streamIds, instants, knownAt, asOfDate, cache);
  }
}

async function attempt(read: ReadTail, planId: string, streamIds: string[], instants: string[], knownAt: string | undefined, asOfDate: CalendarDate | undefined, cache: AsAtCache): Promise<(PlanView | undefined)[]> {
  // A business-date view folds every action differently for its day, so no snapshot serves it.
  const base = asOfDate === undefined ? cache.snapshots.latestBy(planId, instants.reduce((a, b) => (a < b ? a : b))) : undefined;
  const tails = await Promise.all(streamIds.map((id) => read(id, base?.reached.get(id) ?? 0)));
  const tip = tipOf(base, tails);
  const newest = tails.reduce((max, tail) => tail.reduce((m, e) => (e.metadata.occurredAt > m ? e.metadata.occurredAt : m), max), '');
  let whole: Promise<RecordedEvent[][]> | undefined;
  const wholeStreams = () => (whole ??= base ? Promise.all(streamIds.map((id) => read(id, 0))) : Promise.resolve(tails));
  return Promise.all(
    instants.map(async (asAt) => {
      const known = knownAt ?? asAt;
      // Once every event is dated by the instant, any later instant shows the same: keyed by the tip alone, so "now" is folded once per change to the plan.
      const latest = newest <= asAt;
      const key = `${planId}|${latest ? 'latest' : `${asAt}|${known}`}|${asOfDate ?? ''}|${tip}`;
      const cached = cache.views.get(key);
      if (cached !== undefined) return { ...cached, asAt, knownAt: known };
      let view = asOfDate === undefined ? foldedOn(planId, streamIds, base, tails, asAt, known, cache.snapshots) : FROM_THE_START;
      if (view === FROM_THE_START) view = planViewAt(await wholeStreams(), asAt, known, asOfDate ?? null);
      if (view) cache.views.set(key, view);
      return view;
    }),
  );
}

/** What the plan's streams hold, as far as telling a change goes: streams only grow, and positions only increase. */
function tipOf(base: PlanSnapshot | undefined, tails: RecordedEvent[][]): string {
  let events = 0;
  let position = base?.fold.boundary ?? -1n;
  for (const tail of tails) {
    events += tail.length;
    const last = tail[tail.length - 1];
    if (last && last.position > position) position = last.position;
  }
  for (const count of base?.reached.values() ?? []) events += count;
  return `${tails.length}:${events}:${position}`;
}

function foldedOn(
  planId: string,
  streamIds: string[],
  base: PlanSnapshot | undefined,
  tails: RecordedEvent[][],
  asAt: string,
  knownAt: string,
  snapshots: PlanSnapshots,
): PlanView | undefined | typeof FROM_THE_START {
  const from = snapshots.latestBy(planId, asAt) ?? base;
  // An event recorded after the snapshot but dated by it is in the rest and folded after it, as the whole fold does (it has a later
  // position); were it to come before an event the snapshot holds, the position check below folds from the start instead.
  const rest = tails.map((tail, i) => {
    // The later snapshot holds less of a stream than the earlier: taken before an event dated by both was recorded.
    const skip = (from?.reached.get(streamIds[i]) ?? 0) - (base?.reached.get(streamIds[i]) ?? 0);
    if (skip < 0) throw new StaleSnapshot();
    return tail.slice(skip);
  });
  // A correction recorded after the instant slots in beside what it restates, which may sit inside the snapshot.
  if (knownAt > asAt && rest.some((tail) => correctedLate(tail, asAt, knownAt))) return FROM_THE_START;
  let fold: PlanFold | undefined = from?.fold;
  const reached = new Map(from?.reached ?? []);
  const step = (until: string): boolean => {
    const events: SlottedEvent[] = [];
    rest.forEach((tail, i) => {
      const taken = streamPrefixAt(tail, until);
      rest[i] = tail.slice(taken.length);
      reached.set(streamIds[i], (reached.get(streamIds[i]) ?? 0) + taken.length);
      for (const recorded of taken) events.push({ recorded, slot: recorded.position });
    });
    const boundary = fold?.boundary ?? null;
    if (boundary !== null && events.some((e) => e.slot <= boundary)) return false;
    fold = foldOn(fold, events.sort(bySlot), { asAt: until, knownAt: until, asOfDate: null });
    return true;
  };
  const first = rest.reduce((min, tail) => (tail[0] && (min === '' || tail[0].metadata.occurredAt < min) ? tail[0].metadata.occurredAt : min), '');
  const newest = rest.reduce((max, tail) => tail.reduce((m, e) => (e.metadata.occurredAt > m ? e.metadata.occurredAt : m), max), '');
  const lastNeeded = newest < asAt ? newest : asAt;
  for (const monthEnd of first === '' ? [] : monthEndsBetween(from?.asAt ?? first, lastNeeded)) {
    if (!step(monthEnd)) return FROM_THE_START;
    if (fold?.draft) snapshots.keep({ planId, asAt: monthEnd, fold, reached: new Map(reached) });
  }
  if (!step(asAt)) return FROM_THE_START;
  return viewOfFold(fold!, { asAt, knownAt, asOfDate: null });
}
