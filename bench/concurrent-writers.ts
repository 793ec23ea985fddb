import { performance } from 'node:perf_hooks';
import { CommandPath } from './national-dataset';

export interface ConcurrentAppends {
  events: number;
  seconds: number;
  latenciesMs: number[];
  commands: number;
  failures: number;
  firstFailure?: string;
  /** True when the time limit stopped the writers before they had issued every command. */
  stoppedEarly: boolean;
}

/**
 * Phase 3 of the benchmark, on the app's command path or a peer store's: each writer reports
 * progress on its own actions, all writers at once. A command that fails (after the store’s own retries) is counted. No
 * writer starts a command after `limitMs`, so a store that stalls under contention ends the phase.
 */
export async function concurrentWriters(path: CommandPath, actionIds: string[], writers: number, perWriter: number, limitMs: number): Promise<ConcurrentAppends> {
  const latenciesMs: number[] = [];
  let events = 0;
  let commands = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  let stoppedEarly = false;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      const own = actionIds.filter((_, k) => k % writers === w);
      for (let i = 0; i < perWriter; i++) {
        if (performance.now() - started > limitMs) {
          stoppedEarly = true;
          return;
        }
        const actionId = own[i % own.length];
        const t = performance.now();
        commands++;
        try {
          const result = await path.executeActionCommand(
            { type: 'ReportProgress', data: { actionId, rag: 'AMBER', commentary: `Concurrent writer ${w}`, asAt: '2026-06-01' } },
            undefined,
            { principal: 'system', now: '2026-06-01T09:00:00.000Z' },
          );
          events += result.events.length;
          latenciesMs.push(performance.now() - t);
        } catch (error) {
          failures++;
          firstFailure ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  return { events, seconds: (performance.now() - started) / 1000, latenciesMs, commands, failures, firstFailure, stoppedEarly };
}
