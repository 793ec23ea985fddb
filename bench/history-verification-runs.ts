/** The runs behind measureHistoryVerification (history-verification.ts): appends, reads and the monitor's checks, on either store. */
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { currentVersionOf } from '@send/domain';
import { ChainIntegrity, GlobalPosition, IncrementalChainVerifier, SqliteEventStore, upcastOnRead, UpcastingEventStore } from '@send/event-store';
import { createEventStore } from '../apps/api/src/infrastructure/event-store.provider';
import { round } from './measure';
import { BenchCommands, PlanHistory } from './plan-history';

/** The two stores measured against each other (see `open`). */
export type Case = 'before' | 'after';

/** The check the monitor runs every HISTORY_CHECK_SECONDS (5) while the api is up. */
const INCREMENTAL_EVERY_MS = 5000;
export const PAGE = 500;

/**
 * The store the api reads and writes through (`createEventStore`: every event read is checked
 * against its hash, appends consult the chain's integrity), against the same SQLite adapter with
 * only the upcasting reader: the store as it was before verification was always on.
 */
export async function open(kind: Case, filename: string): Promise<UpcastingEventStore> {
  return kind === 'after' ? await createEventStore({ type: 'sqlite', filename }, new ChainIntegrity()) : upcastOnRead(new SqliteEventStore({ filename }), currentVersionOf);
}

export const collect = () => (global as { gc?: () => void }).gc?.();
export const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export interface AppendRun {
  perSecond: number;
  /** The process's CPU time (user and system) per event appended: what the machine's other load changes least. */
  cpuMicrosPerEvent: number;
  latencies: number[];
  /** Events each incremental pass hashed. */
  incremental: number[];
}

export async function appendRun(kind: Case, filename: string, history: PlanHistory, options: { writers: number; appendSeconds: number }, round_: number): Promise<AppendRun> {
  const store = await open(kind, filename);
  const incremental: number[] = [];
  let timer: NodeJS.Timeout | undefined;
  let checking: Promise<unknown> = Promise.resolve();
  const head = await store.headPosition();
  let delivered = 0;
  const subscription = store.subscribeToAll({ after: head, onEvents: async (events) => void (delivered += events.length) });
  try {
    const commands = new BenchCommands(store);
    // As the api is after a while: each action's state folded once (in "after", each event checked once).
    await lanes(options.writers, history.actionIds, (actionId, i) => commands.reportProgress(actionId, round_ + i));
    if (kind === 'after') {
      const verifier = new IncrementalChainVerifier(store);
      const first = await verifier.verify({ full: true });
      if (!first.ok) throw new Error(`The history does not verify: ${first.firstBreak?.message}`);
      timer = setInterval(() => {
        checking = verifier.verify().then((result) => {
          if (!result.ok) throw new Error(`The history does not verify: ${result.firstBreak?.message}`);
          incremental.push(result.eventsHashed);
        });
      }, INCREMENTAL_EVERY_MS);
    }
    const latencies: number[] = [];
    let events = 0;
    let waiting: Promise<void> | undefined;
    const turn = () => (waiting ??= nextTurn().then(() => void (waiting = undefined)));
    const cpu = process.cpuUsage();
    const started = performance.now();
    const until = started + options.appendSeconds * 1000;
    await Promise.all(
      Array.from({ length: options.writers }, async (_, w) => {
        const own = history.actionIds.filter((_, k) => k % options.writers === w);
        for (let i = 0; performance.now() < until; i++) {
          const t = performance.now();
          const result = await commands.reportProgress(own[i % own.length], round_ + i);
          latencies.push(performance.now() - t);
          events += result.events.length;
          // Without letting go of the event loop the writers' promises would chain without end, and
          // neither the subscription nor the 5-second check would ever run. All writers wait for the
          // same turn, so the appends of those ready together still share a commit.
          await turn();
        }
      }),
    );
    const perSecond = Math.round(events / ((performance.now() - started) / 1000));
    clearInterval(timer);
    await checking;
    const used = process.cpuUsage(cpu);
    return { perSecond, cpuMicrosPerEvent: Math.round((used.user + used.system) / events), latencies, incremental };
  } finally {
    clearInterval(timer);
    await subscription.unsubscribe();
    await store.close();
    if (delivered === 0) throw new Error('The subscription was given no events');
  }
}

async function lanes<T>(count: number, items: T[], work: (item: T, i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: count }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

export interface ReadRun {
  cold: number[];
  warm: number[];
  page: number[];
  pageRate: number;
  wholeMs: number;
  /** Process CPU time per event read: every stream cold and then warm, and the log in pages. */
  streamCpu: number;
  pageCpu: number;
  /** The events in the log when it was read: the history and what the appending runs added. */
  events: number;
}

const cpuSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return used.user + used.system;
};

export async function readRun(kind: Case, filename: string, streamIds: string[]): Promise<ReadRun> {
  const cold: number[] = [];
  const warm: number[] = [];
  const page: number[] = [];
  let streamEvents = 0;
  // A fresh store: its stream cache is empty and (after) its record of checked events too.
  let store = await open(kind, filename);
  let cpu = process.cpuUsage();
  try {
    for (const streamId of streamIds) {
      let t = performance.now();
      streamEvents += (await store.readStream(streamId)).length;
      cold.push(performance.now() - t);
      t = performance.now();
      await store.readStream(streamId);
      warm.push(performance.now() - t);
    }
  } finally {
    await store.close();
  }
  const streamCpu = cpuSince(cpu) / streamEvents;
  store = await open(kind, filename);
  try {
    let after: GlobalPosition | undefined;
    let events = 0;
    cpu = process.cpuUsage();
    const started = performance.now();
    for (;;) {
      const t = performance.now();
      const batch = await store.readAll({ after, maxCount: PAGE });
      page.push(performance.now() - t);
      if (batch.length === 0) break;
      events += batch.length;
      after = batch[batch.length - 1].position;
    }
    const pageRate = events / ((performance.now() - started) / 1000);
    const pageCpu = cpuSince(cpu) / events;
    const t = performance.now();
    await store.readAll();
    return { cold, warm, page, pageRate, wholeMs: performance.now() - t, streamCpu, pageCpu, events };
  } finally {
    await store.close();
  }
}

/** The monitor's own work: the full check (at start and hourly), and the incremental one (every 5 s). */
export async function measureChecks(filename: string, history: PlanHistory, rounds: number): Promise<[string, string, string][]> {
  const full: number[] = [];
  const fullCpu: number[] = [];
  const idle: number[] = [];
  const hundred: number[] = [];
  let events = 0;
  for (let k = 0; k < rounds; k++) {
    collect();
    const store = await open('after', filename);
    try {
      const verifier = new IncrementalChainVerifier(store);
      const cpu = process.cpuUsage();
      let t = performance.now();
      const result = await verifier.verify({ full: true });
      full.push(result.eventsHashed / ((performance.now() - t) / 1000));
      fullCpu.push(cpuSince(cpu) / result.eventsHashed);
      events = result.eventsHashed;
      // The full check's garbage is collected first, so its collection is not counted against the next check.
      collect();
      t = performance.now();
      await verifier.verify();
      idle.push(performance.now() - t);
      const commands = new BenchCommands(store);
      // 100 new events to go on over, one command at a time (a small history has fewer than 100 actions).
      for (let i = 0; i < 100; i++) await commands.reportProgress(history.actionIds[i % history.actionIds.length], k + i);
      collect();
      t = performance.now();
      const next = await verifier.verify();
      hundred.push(performance.now() - t);
      if (next.eventsHashed !== 100) throw new Error(`Expected 100 new events, the check hashed ${next.eventsHashed}`);
    } finally {
      await store.close();
    }
  }
  const rate = Math.round(median(full));
  return [
    ['Full check (IncrementalChainVerifier, full: true)', `${rate} events/s`, `${events} events, median of ${rounds} (${full.map(Math.round).join(', ')}), process CPU ${round(median(fullCpu), 1)} µs an event; both chains recomputed from the first event, in pages of 500, letting go of the event loop between pages`],
    ['Incremental check, nothing new', `${round(median(idle), 2)} ms`, `median of ${rounds}: one read of the log's end`],
    ['Incremental check, 100 new events', `${round(median(hundred), 2)} ms`, `median of ${rounds}`],
  ];
}
