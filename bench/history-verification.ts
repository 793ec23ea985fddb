import 'reflect-metadata';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { percentiles, round } from './measure';
import { HistoryScale, PlanHistory, writePlanHistory } from './plan-history';
import { rebuildInFreshProcess } from './rebuild-in-fresh-process';
import { appendRun, Case, collect, measureChecks, median, open, PAGE, readRun } from './history-verification-runs';

export interface HistoryVerificationOptions {
  dir: string;
  history: HistoryScale;
  /** How long each appending run lasts. */
  appendSeconds: number;
  /** Runs of each case, in the order before, after, after, before, … so that drift over time falls on both alike (an even count cancels a steady drift). */
  rounds: number;
  writers: number;
}

export interface VerificationRow {
  figure: string;
  before: string;
  after: string;
  change: string;
  note: string;
}
export interface HistoryVerificationResult {
  rows: VerificationRow[];
  /** The full check's rate and the incremental passes, measured on the "after" store only. */
  checks: [string, string, string][];
  history: PlanHistory;
  /** The log's length when it was read (after the appending runs). */
  eventsRead: number;
  loadBefore: number[];
  loadAfter: number[];
}

const change = (before: number, after: number) => (before === 0 ? '' : `${after >= before ? '+' : '−'}${Math.abs(round((100 * (after - before)) / before, 1))}%`);
const ms = (p: { p50: number; p99: number }) => `p50 ${p.p50} ms, p99 ${p.p99} ms`;

/**
 * Issue 26: what always-on history verification costs, before and after in one run on one file.
 * Appends: `writers` concurrent writers report progress on their own actions through the command
 * path, with a catch-up subscription reading every new event as the live projections do and, in
 * the "after" case, the monitor's incremental check every 5 s after its full check at start.
 * Reads: every stream cold (a fresh store, so the stream cache is empty), then again warm (a cache
 * hit), the log in pages of 500 as the projections and the rebuild read it, and the whole log in
 * one read as the as-at and operator scans do. Then the checks themselves.
 */
export async function measureHistoryVerification(options: HistoryVerificationOptions, say: (line: string) => void): Promise<HistoryVerificationResult> {
  const loadBefore = loadavg();
  const filename = join(options.dir, 'history-verification.sqlite');
  say(`  writing the history: ${options.history.plans} plans × ${options.history.actionsPerPlan} actions × ${options.history.months} months…`);
  const writer = await open('before', filename);
  const history = await writePlanHistory(writer, options.history, (m, months) => {
    if (m % 6 === 0 || m === months) say(`    month ${m}/${months}`);
  });
  await writer.close();
  say(`  ${history.events} events in ${history.streamIds.length} streams, written in ${round(history.seconds, 1)} s`);

  // Before, after, after, before, …: the history grows with every run (and the states commands
  // fold with it), so a plain alternation would put every "after" later than its "before".
  const order: Case[] = Array.from({ length: options.rounds * 2 }, (_, k) => ((k % 2 === 0) === (Math.floor(k / 2) % 2 === 0) ? 'before' : 'after'));
  const appends: Record<Case, { perSecond: number[]; cpu: number[]; latencies: number[]; incremental: number[] }> = {
    before: { perSecond: [], cpu: [], latencies: [], incremental: [] },
    after: { perSecond: [], cpu: [], latencies: [], incremental: [] },
  };
  for (const [k, kind] of order.entries()) {
    collect();
    const run = await appendRun(kind, filename, history, options, k);
    appends[kind].perSecond.push(run.perSecond);
    appends[kind].cpu.push(run.cpuMicrosPerEvent);
    appends[kind].latencies.push(...run.latencies);
    appends[kind].incremental.push(...run.incremental);
    say(`  appends, ${kind} (${k + 1}/${order.length}): ${run.perSecond} events/s, ${run.cpuMicrosPerEvent} µs CPU an event, ${ms(percentiles(run.latencies))}${run.incremental.length ? `, incremental checks hashed ${run.incremental.join(', ')} events` : ''}`);
  }

  const reads: Record<Case, { cold: number[]; warm: number[]; page: number[]; pageRate: number[]; whole: number[]; streamCpu: number[]; pageCpu: number[] }> = {
    before: { cold: [], warm: [], page: [], pageRate: [], whole: [], streamCpu: [], pageCpu: [] },
    after: { cold: [], warm: [], page: [], pageRate: [], whole: [], streamCpu: [], pageCpu: [] },
  };
  let eventsRead = 0;
  for (const [k, kind] of order.entries()) {
    collect();
    const run = await readRun(kind, filename, history.streamIds);
    reads[kind].cold.push(...run.cold);
    reads[kind].warm.push(...run.warm);
    reads[kind].page.push(...run.page);
    reads[kind].pageRate.push(run.pageRate);
    reads[kind].whole.push(run.wholeMs);
    eventsRead = run.events;
    reads[kind].streamCpu.push(run.streamCpu);
    reads[kind].pageCpu.push(run.pageCpu);
    say(`  reads, ${kind} (${k + 1}/${order.length}): cold stream ${ms(percentiles(run.cold))}; warm ${ms(percentiles(run.warm))}; page of ${PAGE} ${ms(percentiles(run.page))}; whole log ${round(run.wholeMs, 0)} ms; CPU an event ${round(run.streamCpu, 1)} µs (streams), ${round(run.pageCpu, 1)} µs (pages)`);
  }

  const rows: VerificationRow[] = [];
  const pair = (figure: string, before: number, after: number, unit: string, note: string) =>
    rows.push({ figure, before: `${before} ${unit}`, after: `${after} ${unit}`, change: change(before, after), note });
  const latency = (figure: string, before: number[], after: number[], note: string) => {
    const [b, a] = [percentiles(before), percentiles(after)];
    rows.push({ figure, before: ms(b), after: ms(a), change: `p50 ${change(b.p50, a.p50)}, p99 ${change(b.p99, a.p99)}`, note: `${b.count} and ${a.count} reads; ${note}` });
  };
  const [ab, aa] = [appends.before, appends.after];
  pair(`Durable appends, ${options.writers} concurrent writers`, Math.round(median(ab.perSecond)), Math.round(median(aa.perSecond)), 'events/s', `median of ${options.rounds} runs of ${options.appendSeconds} s each (before ${ab.perSecond.join(', ')}; after ${aa.perSecond.join(', ')}); a catch-up subscription reads every event as the projections do`);
  pair('Process CPU per appended event', Math.round(median(ab.cpu)), Math.round(median(aa.cpu)), 'µs', `user and system time of the whole process over the same runs, median (before ${ab.cpu.join(', ')}; after ${aa.cpu.join(', ')}): what other load on the machine changes least`);
  const [lb, la] = [percentiles(ab.latencies), percentiles(aa.latencies)];
  rows.push({ figure: `Command latency, ${options.writers} writers`, before: ms(lb), after: ms(la), change: `p50 ${change(lb.p50, la.p50)}, p99 ${change(lb.p99, la.p99)}`, note: `all runs' commands together; after: with the incremental check every 5 s (${aa.incremental.length} passes, hashing ${Math.round(median(aa.incremental))} events each, median: a pass that starts while writers append follows the log's end until they stop)` });
  latency('readStream, cold (a fresh store: read from SQLite)', reads.before.cold, reads.after.cold, `every stream once per run, ${round(eventsRead / history.streamIds.length, 0)} events a stream on average by then`);
  pair('readStream of every stream, cold then warm: process CPU per event', round(median(reads.before.streamCpu), 1), round(median(reads.after.streamCpu), 1), 'µs', 'median of runs: the cost of a read with the machine’s other load left out');
  latency('readStream, warm (the stream cache’s copy)', reads.before.warm, reads.after.warm, 'the same streams read again at once: each event was checked on the cold read');
  latency(`readAll, a page of ${PAGE} in position order`, reads.before.page, reads.after.page, `the log from the start, as the projections and the rebuild read it; after: each page also reads the hash columns and checks the global chain`);
  pair(`readAll in pages of ${PAGE}: process CPU per event`, round(median(reads.before.pageCpu), 1), round(median(reads.after.pageCpu), 1), 'µs', 'median of runs');
  pair(`readAll in pages of ${PAGE}: rate`, Math.round(median(reads.before.pageRate)), Math.round(median(reads.after.pageRate)), 'events/s', 'median of runs; the rebuild reads at this rate at most');
  pair('readAll of the whole log in one call', round(median(reads.before.whole), 0), round(median(reads.after.whole), 0), 'ms', `${eventsRead} events; as the as-at views' and operator tools' scans read it; median of runs`);

  const rebuilt: Record<Case, number[]> = { before: [], after: [] };
  const rebuiltCpu: Record<Case, number[]> = { before: [], after: [] };
  let rebuiltEvents = 0;
  for (const [k, kind] of order.entries()) {
    const run = await rebuildInFreshProcess(filename, { type: 'sqlite', filename: join(options.dir, `history-rebuilt-${k}.sqlite`) }, kind === 'after' ? 'verifying' : 'bare');
    rebuilt[kind].push(run.eventsPerSecond);
    rebuiltCpu[kind].push(run.cpuMicrosPerEvent!);
    rebuiltEvents = run.events;
    say(`  rebuild, ${kind} (${k + 1}/${order.length}): ${run.eventsPerSecond} events/s, ${round(run.cpuMicrosPerEvent!, 1)} µs CPU an event`);
  }
  pair('Projection rebuild into SQLite, in a fresh process', Math.round(median(rebuilt.before)), Math.round(median(rebuilt.after)), 'events/s', `${rebuiltEvents} events, median of runs (before ${rebuilt.before.join(', ')}; after ${rebuilt.after.join(', ')}); after is \`npm run projections:rebuild\`'s store, which checks every event it reads`);
  pair('Projection rebuild: process CPU per event', round(median(rebuiltCpu.before), 1), round(median(rebuiltCpu.after), 1), 'µs', `the rebuilding process's user and system time, its SQLite threads included, median of runs (before ${rebuiltCpu.before.map((x) => round(x, 1)).join(', ')}; after ${rebuiltCpu.after.map((x) => round(x, 1)).join(', ')})`);

  say('  the checks themselves…');
  const checks = await measureChecks(filename, history, options.rounds);
  return { rows, checks, history, eventsRead, loadBefore, loadAfter: loadavg() };
}

/** The section docs/benchmarks.md gives this measurement. */
export function historyVerificationMarkdown(result: HistoryVerificationResult, heading: string, command: string): string[] {
  const { history } = result;
  const load = (l: number[]) => l.map((x) => round(x, 2)).join(', ');
  return [
    heading,
    '',
    `\`${command}\`: a history of ${history.events} events (${history.streamIds.length} streams: plans, and actions with monthly progress of about 330 characters of commentary, quarterly evidence and yearly milestones) written through the command path into one SQLite file (WAL, synchronous=FULL), ${result.eventsRead} once the appending runs had added theirs and the reads began; each figure measured on that file through the api's store (\`createEventStore\`: every event read checked against its hash) and through the bare SQLite store with only the upcasting reader, run in the order before, after, after, before, … so that the machine's drift and the history's growth fall on both alike. Load average (1, 5, 15 min) ${load(result.loadBefore)} at the start, ${load(result.loadAfter)} at the end.`,
    '',
    '| figure | before (no verification) | after (always on) | change | notes |',
    '|---|---|---|---|---|',
    ...result.rows.map((r) => `| ${r.figure} | ${r.before} | ${r.after} | ${r.change} | ${r.note} |`),
    '',
    '| the monitor’s checks | result | notes |',
    '|---|---|---|',
    ...result.checks.map((r) => `| ${r.join(' | ')} |`),
    '',
    'What these mean at the demo’s and a national plan’s size: [performance.md](performance.md#always-on-history-verification-what-it-costs).',
  ];
}
