import { performance } from 'node:perf_hooks';
import { UpcastingEventStore } from '@send/event-store';
import { ReadDatabaseConfig, rebuildReadModels } from '@send/read-models';
import { progress, round, withPeakMemory } from './measure';

export interface MeasuredRebuild {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  peakMb: number;
  peakHeapMb: number;
  /** Heap still in use after a forced collection at each tenth of the rebuild: what it holds, not garbage it has yet to free. */
  retainedHeapMb: number[];
  /** The rebuilding process's CPU time (user and system, all threads) per event, where the child measured it. */
  cpuMicrosPerEvent?: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * A rebuild with progress, peak memory and, when node runs with --expose-gc, the heap left after a
 * full collection at each tenth of the way. Peak heap alone cannot show flat memory: V8 lets
 * garbage pile up while there is room. The collections' own pauses are taken out of the rate.
 */
export async function rebuildMeasured(store: UpcastingEventStore, database: ReadDatabaseConfig): Promise<MeasuredRebuild> {
  const retained: number[] = [];
  let shown: ((done: number) => void) | undefined;
  let nextTenth = 1;
  let collectingMs = 0;
  const onProgress = ({ events, total }: { events: number; total: number }) => {
    (shown ??= progress('rebuild', total))(events);
    if (!gc || total === 0) return;
    while (nextTenth <= 10 && events >= (total * nextTenth) / 10) {
      const started = performance.now();
      gc();
      collectingMs += performance.now() - started;
      retained.push(round(process.memoryUsage().heapUsed / 1024 / 1024, 0));
      nextTenth += 1;
    }
  };
  const { result, peakMb, peakHeapMb } = await withPeakMemory(() => rebuildReadModels(store, database, onProgress));
  const seconds = Math.max(result.elapsedMs - collectingMs, 1) / 1000;
  return { events: result.events, seconds: round(seconds, 1), eventsPerSecond: Math.round(result.events / seconds), peakMb, peakHeapMb, retainedHeapMb: retained };
}

/** Flat: from the first tenth to the end the retained heap grows by no more than 10% (or 16 MB on small runs). */
export function isFlat(retainedHeapMb: number[]): boolean {
  if (retainedHeapMb.length < 2) return false;
  const first = retainedHeapMb[0];
  const last = retainedHeapMb[retainedHeapMb.length - 1];
  return last - first <= Math.max(16, first * 0.1);
}

export function describeRetained(retainedHeapMb: number[]): string {
  return retainedHeapMb.length === 0 ? 'retained heap not sampled (run node with --expose-gc)' : `heap after a full collection at each tenth: ${retainedHeapMb.join(', ')} MB`;
}
