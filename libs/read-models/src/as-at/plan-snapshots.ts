import { endOfLondonDay, londonDateOf } from '@send/domain';
import { LeastRecentlyUsed } from './least-recently-used';
import { PlanFold } from './plan-view';

/**
 * A plan folded up to an instant as it was recorded by then (no later corrections, no business
 * date): a cache of derived state, never a source of truth. `reached` says how many of each
 * stream's events it took in, always a prefix of the stream.
 */
export interface PlanSnapshot {
  planId: string;
  asAt: string;
  fold: PlanFold;
  reached: ReadonlyMap<string, number>;
}

/** The end (the last UK millisecond) of each month that ends after `after` and by `until`: where snapshots are taken. */
export function monthEndsBetween(after: string, until: string): string[] {
  const ends: string[] = [];
  let [year, month] = londonDateOf(after).split('-').map(Number);
  for (;;) {
    const end = endOfLondonDay(new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10));
    if (end > until) return ends;
    if (end > after) ends.push(end);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

/**
 * Snapshots of plans in memory, at most `capacity` in all, the least recently used let go first:
 * what it holds is bounded whatever the history's length or the number of plans read.
 */
export class PlanSnapshots {
  private readonly held: LeastRecentlyUsed<string, PlanSnapshot>;

  constructor(readonly capacity: number) {
    this.held = new LeastRecentlyUsed(capacity);
  }

  get size(): number {
    return this.held.size;
  }

  /** The plan's latest snapshot at or before the instant, if one is held. */
  latestBy(planId: string, instant: string): PlanSnapshot | undefined {
    let found: PlanSnapshot | undefined;
    for (const [, snapshot] of this.held) {
      if (snapshot.planId === planId && snapshot.asAt <= instant && (!found || snapshot.asAt > found.asAt)) found = snapshot;
    }
    return found && this.held.get(keyOf(found));
  }

  keep(snapshot: PlanSnapshot): void {
    this.held.set(keyOf(snapshot), snapshot);
  }

  /** Lets go of every snapshot of the plan: one was found stale (an event recorded late, dated before it). */
  forget(planId: string): void {
    for (const [key, snapshot] of [...this.held]) if (snapshot.planId === planId) this.held.delete(key);
  }
}

const keyOf = (snapshot: PlanSnapshot) => `${snapshot.planId}|${snapshot.asAt}`;
