import { performance } from 'node:perf_hooks';
import { GlobalPosition } from '@send/event-store';

export interface SteadyLoadResult {
  /** Commands answered per second, over the whole run. */
  achievedPerSecond: number;
  commands: number;
  commandLatenciesMs: number[];
  /** From the append being acknowledged to the read models including it. */
  lagsMs: number[];
}

/**
 * Sends commands at a fixed rate whatever the answers do (an open loop, as many owners and a
 * board would), and times each from its append to the moment the read models include it.
 */
export async function steadyLoad(options: {
  perSecond: number;
  seconds: number;
  command: (i: number) => Promise<{ position: GlobalPosition | undefined }>;
  visible: (position: GlobalPosition) => Promise<void>;
}): Promise<SteadyLoadResult> {
  const tickMs = 10;
  const perTick = options.perSecond / (1000 / tickMs);
  const commandLatenciesMs: number[] = [];
  const lagsMs: number[] = [];
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  let sent = 0;
  while (performance.now() - started < options.seconds * 1000) {
    // Catch up on any ticks the event loop was too busy to keep, so the rate holds on average.
    const due = Math.floor(((performance.now() - started) / tickMs + 1) * perTick);
    for (; sent < due; sent++) {
      const i = sent;
      const t = performance.now();
      inFlight.push(
        options.command(i).then(async ({ position }) => {
          const appended = performance.now();
          commandLatenciesMs.push(appended - t);
          if (position === undefined) return;
          await options.visible(position);
          lagsMs.push(performance.now() - appended);
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, tickMs));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  return { achievedPerSecond: Math.round(sent / seconds), commands: sent, commandLatenciesMs, lagsMs };
}
