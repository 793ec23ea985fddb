import { endOfLondonDay, londonDateOf } from '@send/domain';
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
 * Snapshots of plans in memory, at most `capacity` in all: what it holds is bounded whatever the
 * history's length or the number of plans read. When full, the least recently used goes first,
 * except that each plan's newest is kept while any older one can go: "as at today" and the last
 * meeting fold on from it, and one long fold takes a snapshot at every month end it passes.
 */
export class PlanSnapshots {
  /** Map order is the eviction order: a snapshot used or taken moves to the back. */
  private readonly held = new Map<string, PlanSnapshot>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.held.size;
  }

  /** The plan's latest snapshot at or before the instant, if one is held. */
  latestBy(planId: string, instant: string): PlanSnapshot | undefined {
    let found: PlanSnapshot | undefined;
    for (const snapshot of this.held.values()) {
      if (snapshot.planId === planId && snapshot.asAt <= instant && (!found || snapshot.asAt > found.asAt)) found = snapshot;
    }
    if (found) this.touch(found);
    return found;
  }

  keep(snapshot: PlanSnapshot): void {
    if (this.capacity <= 0) return;
    this.touch(snapshot);
    while (this.held.size > this.capacity) this.held.delete(this.leastNeeded());
  }

  /** Lets go of every snapshot of the plan: one no longer agrees with the plan's streams. */
  forget(planId: string): void {
    for (const [key, snapshot] of this.held) if (snapshot.planId === planId) this.held.delete(key);
  }

  private touch(snapshot: PlanSnapshot): void {
    const key = `${snapshot.planId}|${snapshot.asAt}`;
    this.held.delete(key);
    this.held.set(key, snapshot);
  }

  /** The least recently used snapshot that is not its plan's newest; the least recently used of all when every one is. */
  private leastNeeded(): string {
    const newest = new Map<string, string>();
    for (const { planId, asAt } of this.held.values()) if ((newest.get(planId) ?? '') < asAt) newest.set(planId, asAt);
    for (const [key, { planId, asAt }] of this.held) if (asAt < newest.get(planId)!) return key;
    return this.held.keys().next().value as string;
  }
}
