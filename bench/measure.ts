import { performance } from 'node:perf_hooks';

/** Latencies in milliseconds, summarised the way the benchmark reports them. */
export function percentiles(samples: number[]): { p50: number; p99: number; count: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
  return { p50: round(at(0.5)), p99: round(at(0.99)), count: sorted.length };
}

export const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

/**
 * Peak resident memory and peak JavaScript heap while `work` runs, sampled every 50 ms. Resident
 * memory includes the SQLite files' memory-mapped pages, which the system can drop at any time;
 * the heap is what the process itself holds.
 */
export async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number; peakHeapMb: number }> {
  let peak = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    peak = Math.max(peak, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  };
  const sampler = setInterval(sample, 50);
  try {
    const result = await work();
    sample();
    return { result, peakMb: round(peak / 1024 / 1024, 0), peakHeapMb: round(peakHeap / 1024 / 1024, 0) };
  } finally {
    clearInterval(sampler);
  }
}

/** Prints progress on one line at most every second, so long phases show they are alive. */
export function progress(label: string, total: number): (done: number) => void {
  let last = 0;
  return (done) => {
    const now = Date.now();
    if (now - last < 1000 && done < total) return;
    last = now;
    process.stdout.write(`  ${label}: ${done}/${total} (${Math.floor((100 * done) / Math.max(1, total))}%)\n`);
  };
}
