import 'reflect-metadata';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createApp } from '../apps/api/src/app.factory';
import { loadOrCreateLocalSigningKey, mintLocalToken } from '../apps/api/src/auth/local-signing-key';
import { PlanCommandService } from '../apps/api/src/commands/plan-command.service';
import { AppConfig } from '../apps/api/src/config/app-config';
import { benchAppConfig } from './bench-app-config';
import { ProjectionService } from '../apps/api/src/infrastructure/projection.service';
import { sqliteCeilings } from './ceilings';
import { concurrentWriters } from './concurrent-writers';
import { graphqlClients } from './graphql-clients';
import { steadyLoad } from './steady-load';
import { Targets } from './targets';
import { percentiles, progress, round } from './measure';
import { describeRetained, isFlat } from './rebuild-measured';
import { rebuildInFreshProcess } from './rebuild-in-fresh-process';
import { Dataset, generateNationalDataset, Scale } from './national-dataset';
import { startThrowawayPostgres } from '../test/support/postgres-cluster';
import { HistoryVerificationOptions, historyVerificationMarkdown, measureHistoryVerification } from './history-verification';

const SCALES: Record<string, Scale> = {
  quick: { areas: 10, actionsPerArea: 120, months: 12 },
  national: { areas: 150, actionsPerArea: 120, months: 36 },
};

/** Issue 26's before-and-after of always-on history verification, per scale: a plan-sized history, and a larger one. */
const HISTORY_VERIFICATION: Record<string, Omit<HistoryVerificationOptions, 'dir'>> = {
  quick: { history: { plans: 4, actionsPerPlan: 100, months: 36 }, appendSeconds: 6, rounds: 2, writers: 16 },
  national: { history: { plans: 20, actionsPerPlan: 120, months: 36 }, appendSeconds: 8, rounds: 4, writers: 16 },
};
/** Issue 29: a figure from the command path called in-process must not be read as what a person gets over the API. */
const WHERE_MEASURED = [
  '**Where each figure is measured.** Raw inserts, durable appends, command latency, projection lag,',
  'rebuilds and the peers are **in-process**: the command path called directly, with no HTTP, GraphQL or',
  'sign-in; a mutation over the API costs several times as much (issue 29 measured about 5×). The',
  'lines starting `GraphQL` are **over HTTP** on loopback, with real tokens, through the whole stack.',
];
const HISTORY_VERIFICATION_HEADING = '## Always-on history verification (issue 26)';
const PEERS_HEADING = '## Event stores side by side (peers)';
const ONLY = ['history-verification', 'peers'];

/**
 * `npm run bench [-- --scale quick|national]`: builds the dataset through the command path on
 * the embedded default (SQLite events, SQLite read models, synchronous=FULL), measures, prints
 * and writes docs/benchmarks.md. `-- --only history-verification` or `-- --only peers` runs
 * that part alone and replaces only its section of the file.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'quick' }, out: { type: 'string', default: 'docs/benchmarks.md' }, only: { type: 'string' } } });
  const scale = SCALES[values.scale!];
  if (!scale) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  if (values.only !== undefined) {
    if (!ONLY.includes(values.only)) throw new Error(`--only must be one of ${ONLY.join(', ')}`);
    if (values.only === 'peers') await onlyPeers(values.scale!, resolve(values.out!));
    else await onlyHistoryVerification(values.scale!, resolve(values.out!));
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'send-bench-'));
  const config: AppConfig = benchAppConfig(dir);
  const results: string[][] = [];
  const targets = new Targets();
  const row = (figure: string, value: string, note = '') => {
    results.push([figure, value, note]);
    console.log(`${figure}: ${value}${note ? `  (${note})` : ''}`);
  };
  const app = await createApp(config);
  let dataset: Dataset;
  let token: string;
  // Starts the projections (listen() would too, but the HTTP phase comes later).
  await app.init();
  try {
    console.log(`Scale "${values.scale}": ${scale.areas} areas × ${scale.actionsPerArea} actions × ${scale.months} months, data in ${dir}`);
    console.log('1. Ceilings of this disk (raw better-sqlite3, WAL, synchronous=FULL)…');
    const ceiling = sqliteCeilings(dir, 3000);
    row('Raw insert, one row per durable commit', `${ceiling.onePerCommit} rows/s`);
    row('Raw insert, 1,000 rows per commit', `${ceiling.batched} rows/s`);

    console.log('2. Writing the dataset through the command path (one writer, live projections)…');
    const commands = app.get(PlanCommandService);
    let shown: ((done: number) => void) | undefined;
    dataset = await generateNationalDataset(commands, scale, (done, total) => (shown ??= progress('commands', total))(done));
    const one = percentiles(dataset.commandLatenciesMs);
    const perSecond = Math.round(dataset.events / dataset.seconds);
    const ofCeiling = round((100 * dataset.commandLatenciesMs.length) / dataset.seconds / ceiling.onePerCommit, 0);
    row('Durable appends, one writer', `${perSecond} events/s`, `${dataset.events} events in ${round(dataset.seconds, 1)} s; ${ofCeiling}% of the one-row ceiling in commands/s`);
    targets.check('One durable writer ≥ 80% of the one-row-per-commit ceiling', `${ofCeiling}%`, ofCeiling >= 80);
    row('Command latency, one writer', `p50 ${one.p50} ms, p99 ${one.p99} ms`);
    await app.get(ProjectionService).caughtUpToHead(600_000);

    console.log('3. Sixteen concurrent writers…');
    const writers = 16;
    const perWriter = 200;
    // Each writer keeps to its own actions, as owners do: concurrency without conflicts.
    const concurrent = await concurrentWriters(commands, dataset.actionIds, writers, perWriter, Number.POSITIVE_INFINITY);
    if (concurrent.failures > 0) throw new Error(`${concurrent.failures} of ${concurrent.commands} concurrent commands failed, first: ${concurrent.firstFailure}`);
    const sixteen = percentiles(concurrent.latenciesMs);
    const sixteenPerSecond = Math.round((writers * perWriter) / concurrent.seconds);
    row('Durable appends, 16 concurrent writers', `${sixteenPerSecond} events/s`, 'appends made in the same moment share one commit (group commit)');
    row('Command latency, 16 writers', `p50 ${sixteen.p50} ms, p99 ${sixteen.p99} ms`);
    targets.check('16 durable writers ≥ 10,000 events/s with p99 < 25 ms', `${sixteenPerSecond} events/s, p99 ${sixteen.p99} ms`, sixteenPerSecond >= 10_000 && sixteen.p99 < 25);
    await app.get(ProjectionService).caughtUpToHead(600_000);

    console.log('4. Projection lag at a steady 1,000 commands/s…');
    const steady = await steadyLoad({
      perSecond: 1000,
      seconds: 10,
      command: (i) =>
        commands.executeActionCommand(
          { type: 'ReportProgress', data: { actionId: dataset.actionIds[i % dataset.actionIds.length], rag: 'GREEN', commentary: 'Steady load', asAt: '2026-06-02' } },
          undefined,
          { principal: 'system', now: '2026-06-02T09:00:00.000Z' },
        ),
      visible: (position) => app.get(ProjectionService).caughtUpTo(position, 60_000),
    });
    const lag = percentiles(steady.lagsMs);
    const steadyCommands = percentiles(steady.commandLatenciesMs);
    targets.check('Projection lag p99 < 50 ms at 1,000 commands/s', `p99 ${lag.p99} ms at ${steady.achievedPerSecond}/s`, lag.p99 < 50 && steady.achievedPerSecond >= 950);
    row('Projection lag at 1,000 commands/s, append to visible', `p50 ${lag.p50} ms, p99 ${lag.p99} ms`, `${steady.commands} commands in 10 s (${steady.achievedPerSecond}/s achieved); command p50 ${steadyCommands.p50} ms, p99 ${steadyCommands.p99} ms`);

    console.log('5. GraphQL over HTTP, 16 concurrent clients…');
    await commands.ensureUser({ userId: 'bench-adviser', displayName: 'Bench adviser', ownerId: null }, dataset.localAreaIds.map((localAreaId) => ({ role: 'DFE_ADVISER' as const, localAreaId })), { principal: 'system' });
    await app.get(ProjectionService).caughtUpToHead(600_000);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    const key = await loadOrCreateLocalSigningKey(join(dir, 'auth', 'key.json'));
    token = await mintLocalToken(key, { userId: 'bench-adviser', issuer: 'send-bench', audience: 'send-tracker' });
    const worst = await measureGraphql(port, token, dataset.planIds[0], dataset.actionIds[0], 'SQLite', row);
    targets.check('Every read p99 < 20 ms (SQLite read models, 16 clients)', `worst p99 ${worst} ms`, worst < 20);
  } finally {
    await app.close();
  }

  console.log('6. Rebuilding every read model from the event store, in a fresh process…');
  const rebuilt = await rebuildInFreshProcess(join(dir, 'events.sqlite'), { type: 'sqlite', filename: join(dir, 'rebuilt.sqlite') });
  row('Projection rebuild', `${rebuilt.eventsPerSecond} events/s`, `${rebuilt.events} events in ${rebuilt.seconds} s, peak heap ${rebuilt.peakHeapMb} MB, peak RSS ${rebuilt.peakMb} MB (with memory-mapped SQLite pages); ${describeRetained(rebuilt.retainedHeapMb)}`);
  targets.check('Rebuild ≥ 100,000 events/s on SQLite', `${rebuilt.eventsPerSecond} events/s`, rebuilt.eventsPerSecond >= 100_000);
  targets.check('Rebuild memory flat (SQLite)', describeRetained(rebuilt.retainedHeapMb), isFlat(rebuilt.retainedHeapMb));

  const postgres = await startThrowawayPostgres();
  if (!postgres) {
    console.log('7. PostgreSQL: SKIPPED (no PostgreSQL binaries; apt-get install -y postgresql)');
  } else {
    try {
      console.log('7. The same on PostgreSQL read models: rebuild, then GraphQL…');
      const pg = await rebuildInFreshProcess(join(dir, 'events.sqlite'), { type: 'postgres', url: postgres.url });
      row('Projection rebuild (PostgreSQL)', `${pg.eventsPerSecond} events/s`, `${pg.events} events in ${pg.seconds} s, peak heap ${pg.peakHeapMb} MB, peak RSS ${pg.peakMb} MB; ${describeRetained(pg.retainedHeapMb)}`);
      targets.check('Rebuild ≥ 50,000 events/s on PostgreSQL', `${pg.eventsPerSecond} events/s`, pg.eventsPerSecond >= 50_000);
      targets.check('Rebuild memory flat (PostgreSQL)', describeRetained(pg.retainedHeapMb), isFlat(pg.retainedHeapMb));
      const pgApp = await createApp({ ...config, readDatabase: { type: 'postgres', url: postgres.url } });
      try {
        await pgApp.listen(0, '127.0.0.1');
        const { port } = pgApp.getHttpServer().address() as { port: number };
        const worstPg = await measureGraphql(port, token, dataset.planIds[0], dataset.actionIds[0], 'PostgreSQL', row);
        targets.check('Every read p99 < 20 ms (PostgreSQL read models, 16 clients)', `worst p99 ${worstPg} ms`, worstPg < 20);
      } finally {
        await pgApp.close();
      }
    } finally {
      await postgres.stop();
    }
  }

  const measurePeers = loadPeers();
  if (typeof measurePeers === 'string') {
    console.log(`8. Peers: SKIPPED (${measurePeers}; \`npm run bench\` installs and compiles bench/peers)`);
  } else {
    console.log('8. Peers: the same workload on our SqliteEventStore and PostgresEventStore and on Emmett’s SQLite and PostgreSQL event stores…');
    await measurePeersOnDurablePostgres(measurePeers, dir, scale, row, targets);
  }

  console.log('9. Always-on history verification: the same history with and without it…');
  const verification = await historyVerification(dir, values.scale!);

  const machine = machineLine();
  const report = [
    '# Benchmarks',
    '',
    `Latest run: ${new Date().toISOString().slice(0, 10)}, scale \`${values.scale}\` (${scale.areas} areas × ${scale.actionsPerArea} actions × ${scale.months} months), \`npm run bench -- --scale ${values.scale}\`.`,
    `Machine: ${machine}. SQLite event store (WAL, synchronous=FULL: every commit survives power loss); read models on SQLite (WAL, synchronous=NORMAL: derived, replayed if lost), then the same on a throwaway PostgreSQL 15 started like the test cluster (fsync off: read-model figures only, not a durability measurement).`,
    '',
    ...WHERE_MEASURED,
    '',
    '| figure | result | notes |',
    '|---|---|---|',
    ...results.map((r) => `| ${r.join(' | ')} |`),
    '',
    '## Against the targets (issue 6)',
    '',
    ...targets.markdown(),
    '',
    'The read figures are first closed-loop: sixteen clients each send the next request as soon as the last is',
    'answered, so p50 is roughly sixteen times the cost of one request on this machine; the',
    '`{ __typename }` line is the same HTTP, sign-in and GraphQL path with no read model behind it. The paced',
    'figures are the same sixteen clients each asking at most every 200 ms, nearer how people use a dashboard.',
    '',
    'Why the targets marked **no** are not met, with the measurements behind each: [performance.md](performance.md).',
    '',
    ...historyVerificationMarkdown(verification, HISTORY_VERIFICATION_HEADING, `npm run bench:history-verification -- --scale ${values.scale}`),
    '',
  ].join('\n');
  writeFileSync(resolve(values.out!), report);
  rmSync(dir, { recursive: true, force: true });
  console.log(`Done. Wrote ${values.out}.`);
}

const machineLine = () => `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`;

async function historyVerification(dir: string, scale: string) {
  const result = await measureHistoryVerification({ dir, ...HISTORY_VERIFICATION[scale] }, (line) => console.log(line));
  const width = Math.max(...result.rows.map((r) => r.figure.length));
  console.log(`\n${'figure'.padEnd(width)}  ${'before'.padEnd(26)}  ${'after'.padEnd(26)}  change`);
  for (const r of result.rows) console.log(`${r.figure.padEnd(width)}  ${r.before.padEnd(26)}  ${r.after.padEnd(26)}  ${r.change}`);
  for (const [figure, value] of result.checks) console.log(`${figure.padEnd(width)}  ${value}`);
  console.log('');
  return result;
}

/** Runs only the history verification measurement, and puts its section in place of the one in `out` (or at its end). */
async function onlyHistoryVerification(scale: string, out: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'send-bench-'));
  try {
    console.log(`Always-on history verification, scale "${scale}", data in ${dir}; machine: ${machineLine()}`);
    const result = await historyVerification(dir, scale);
    const heading = `${HISTORY_VERIFICATION_HEADING}, run ${new Date().toISOString().slice(0, 10)} on ${machineLine()}`;
    replaceSection(out, HISTORY_VERIFICATION_HEADING, historyVerificationMarkdown(result, heading, `npm run bench:history-verification -- --scale ${scale}`).join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs only the peers, and puts their section (figures and comparisons) in place of the one in `out` (or at its end). */
async function onlyPeers(scaleName: string, out: string): Promise<void> {
  const measurePeers = loadPeers();
  if (typeof measurePeers === 'string') throw new Error(`The peers are not built (${measurePeers}); \`npm run bench:peers\` installs and compiles them`);
  const scale = SCALES[scaleName];
  const dir = mkdtempSync(join(tmpdir(), 'send-bench-'));
  const results: string[][] = [];
  const targets = new Targets();
  const row: Row = (figure, value, note = '') => {
    results.push([figure, value, note]);
    console.log(`${figure}: ${value}${note ? `  (${note})` : ''}`);
  };
  // The machine may be shared: the load before and after says how far these figures are from a quiet one's.
  const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');
  const loadBefore = load();
  try {
    console.log(`Peers, scale "${scaleName}", data in ${dir}; machine: ${machineLine()}; load average ${loadBefore}`);
    await measurePeersOnDurablePostgres(measurePeers, dir, scale, row, targets);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const section = [
    `${PEERS_HEADING}, run ${new Date().toISOString().slice(0, 10)} on ${machineLine()}`,
    '',
    `\`npm run bench -- --only peers --scale ${scaleName}\`: the same commands, deciders and payloads on each store, in process (no HTTP, GraphQL or sign-in; a mutation over the API costs several times as much), each store on a fresh database; the PostgreSQL stores on one throwaway PostgreSQL 15 cluster with fsync, full_page_writes and synchronous_commit on.`,
    `Load average (1 / 5 / 15 min) ${loadBefore} before the stores ran and ${load()} after, on ${cpus().length} cores: the stores ran one after another, so a change of load between them moves the comparison.`,
    '',
    '| figure | result | notes |',
    '|---|---|---|',
    ...results.map((r) => `| ${r.join(' | ')} |`),
    '',
    ...targets.markdown(),
  ].join('\n');
  replaceSection(out, PEERS_HEADING, section);
}

/** The peers on a durable throwaway cluster of their own, each compared with ours on the same database engine. */
async function measurePeersOnDurablePostgres(measurePeers: MeasurePeers, dir: string, scale: Scale, row: Row, targets: Targets): Promise<void> {
  const durable = await startThrowawayPostgres({ durable: true });
  if (!durable) console.log('  PostgreSQL stores: SKIPPED (no PostgreSQL binaries; apt-get install -y postgresql)');
  try {
    const figures = await measurePeers({ dir, scale, postgresUrl: durable?.url, row });
    for (const peer of figures.filter((f) => !f.ours)) {
      for (const ours of figures.filter((f) => f.ours && (f.engine === 'SQLite' || f.engine === peer.engine))) {
        const ahead = !ours.failed && ours.oneWriter > peer.oneWriter && ours.sixteenWriters > peer.sixteenWriters && ours.readAll > peer.readAll;
        targets.check(
          `${ours.store === 'our SqliteEventStore' ? '' : `${ours.store}: `}Ahead of ${peer.store} on every shared figure (one writer, 16 writers, reading the log)`,
          `${ours.oneWriter} / ${ours.sixteenWriters} / ${ours.readAll} events/s against ${peer.oneWriter} / ${peer.sixteenWriters} / ${peer.readAll}`,
          ahead,
        );
      }
    }
  } finally {
    await durable?.stop();
  }
}

/** Puts `section` in place of the one whose heading starts with `heading` in `out`, or at its end; the rest of the file stays. */
function replaceSection(out: string, heading: string, section: string): void {
  const existing = existsSync(out) ? readFileSync(out, 'utf8') : '# Benchmarks\n';
  const start = existing.indexOf(heading);
  const next = start < 0 ? -1 : existing.indexOf('\n## ', start + 1);
  const updated = start < 0 ? `${existing.trimEnd()}\n\n${section}\n` : `${existing.slice(0, start)}${section}\n${next < 0 ? '' : existing.slice(next)}`;
  writeFileSync(out, updated);
  console.log(`Done. Wrote its section of ${out}.`);
}

/** Sixteen clients, 50 requests each, per query: what the board's screens ask for most. */
/** Returns the worst p99 of the read queries (the stack-only ceiling aside). */
async function measureGraphql(port: number, token: string, plan: string, actionId: string, readDatabase: string, row: (figure: string, value: string, note?: string) => void): Promise<number> {
  const queries: [string, string][] = [
    // The ceiling: what HTTP, sign-in and GraphQL cost on this machine before any read model is touched.
    ['the HTTP and GraphQL stack alone ({ __typename })', '{ __typename }'],
    ['a plan’s area roll-up', `{ plan(id: "${plan}") { areas { number rollUp { total red amber green blue overdue stale } } } }`],
    ['a filtered action list', `{ actions(planId: "${plan}", filter: { rag: AMBER, area: 3 }, first: 20) { totalCount edges { node { ref title rag owner { name } } } } }`],
    ['one action with its timeline', `{ action(id: "${actionId}") { ref rag timeline { at eventType summary } } }`],
    ['the national roll-up (every area)', `{ plans { id rollUp { total red amber green blue overdue stale } } }`],
  ];
  let worst = 0;
  for (const [name, query] of queries) {
    // A warm-up, so compiling the query and the code paths is not counted as latency.
    await graphqlClients({ url: `http://127.0.0.1:${port}/graphql`, token, query, clients: 1, requestsPerClient: 20 });
    const started = performance.now();
    const times = await graphqlClients({ url: `http://127.0.0.1:${port}/graphql`, token, query, clients: 16, requestsPerClient: 50 });
    const perSecond = Math.round(times.length / ((performance.now() - started) / 1000));
    const p = percentiles(times);
    // The same sixteen at a meeting's pace: each asks at most every 200 ms (80 requests/s in all).
    const paced = percentiles(await graphqlClients({ url: `http://127.0.0.1:${port}/graphql`, token, query, clients: 16, requestsPerClient: 25, everyMs: 200 }));
    row(`GraphQL (${readDatabase}): ${name}`, `p50 ${p.p50} ms, p99 ${p.p99} ms`, `${p.count} requests back to back, ${perSecond} requests/s; paced at 80 requests/s: p50 ${paced.p50} ms, p99 ${paced.p99} ms`);
    if (query !== '{ __typename }') worst = Math.max(worst, p.p99);
  }
  return worst;
}

type Row = (figure: string, value: string, note?: string) => void;
type MeasurePeers = (options: { dir: string; scale: Scale; postgresUrl?: string; row: Row }) => Promise<{ store: string; ours: boolean; engine: string; failed: boolean; oneWriter: number; sixteenWriters: number; readAll: number }[]>;

/**
 * The peers are a package of their own (bench/peers), so Emmett and its SQLite driver stay out of
 * the product's dependencies; `npm run bench` installs and compiles it, and puts it on NODE_PATH.
 */
function loadPeers(): MeasurePeers | string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('./peers/measure-peers') as { measurePeers: MeasurePeers }).measurePeers;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'MODULE_NOT_FOUND') return (error as Error).message.split('\n')[0];
    throw error;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
