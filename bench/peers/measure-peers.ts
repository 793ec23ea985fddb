import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { percentiles, progress, round } from '../measure';
import { commandsIn, generateNationalDataset, Scale } from '../national-dataset';
import { openEmmettPostgres } from './emmett-postgres-store';
import { openEmmettSqlite } from './emmett-sqlite-store';
import { ownPeerStore } from './own-peer-store';
import { openOwnPostgres } from './own-postgres-peer-store';
import { peerCommandPath } from './peer-command-path';
import { PeerStore } from './peer-store';
import { concurrentWriters } from '../concurrent-writers';
import { SqliteEventStore } from '@send/event-store';

/** One store's shared figures, in events/s (0 where it failed). */
export interface PeerFigures {
  store: string;
  /** One of ours (SqliteEventStore, PostgresEventStore) rather than a peer's. */
  ours: boolean;
  /** The database underneath: ours are compared with the peer on the same one. */
  engine: 'SQLite' | 'PostgreSQL';
  failed: boolean;
  oneWriter: number;
  sixteenWriters: number;
  readAll: number;
}

export interface MeasurePeersOptions {
  /** The benchmark's temp dir: the SQLite files go here. */
  dir: string;
  scale: Scale;
  /** A durable PostgreSQL (fsync on, synchronous_commit=on); without it the PostgreSQL stores are left out. */
  postgresUrl?: string;
  row: (figure: string, value: string, note?: string) => void;
}

/** Phase 2's one writer is capped here so each store's run stays within a few minutes. */
const ONE_WRITER_COMMAND_CAP = 60_000;
/** Phase 3's shape. */
const WRITERS = 16;
const PER_WRITER = 200;
/** Emmett SQLite stalls under 16 writers (see measureStore); the phase stops starting commands after this. */
const CONCURRENT_LIMIT_MS = 60_000;
const READ_BATCH = 1000;

interface Peer {
  store: string;
  ours: boolean;
  engine: PeerFigures['engine'];
  open(): Promise<PeerStore>;
}

/**
 * The peers part of the benchmark: our SqliteEventStore and PostgresEventStore and Emmett's
 * SQLite and PostgreSQL stores, each under the same workload (phase 2's commands with one writer,
 * then phase 3's sixteen writers, then the whole log read back in order), each on a fresh database.
 */
export async function measurePeers({ dir, scale, postgresUrl, row }: MeasurePeersOptions): Promise<PeerFigures[]> {
  const figures: PeerFigures[] = [];
  const peers: Peer[] = [
    { store: 'our SqliteEventStore', ours: true, engine: 'SQLite', open: async () => ownPeerStore('our SqliteEventStore', 'WAL, synchronous=FULL', new SqliteEventStore({ filename: join(dir, 'peer-ours.sqlite') })) },
    { store: 'Emmett SQLite', ours: false, engine: 'SQLite', open: () => openEmmettSqlite(join(dir, 'peer-emmett.sqlite')) },
  ];
  if (postgresUrl) {
    peers.push(
      { store: 'our PostgresEventStore', ours: true, engine: 'PostgreSQL', open: () => openOwnPostgres(postgresUrl) },
      { store: 'Emmett PostgreSQL', ours: false, engine: 'PostgreSQL', open: () => openEmmettPostgres(postgresUrl) },
    );
  }
  // A peer that failed keeps its commands in flight; an error they raise later must not end the
  // process, or run.ts never reaches the finally that stops its PostgreSQL cluster.
  const late = (error: unknown) => console.log(`  (a late error from a peer, ignored: ${error instanceof Error ? error.message : String(error)})`);
  process.on('uncaughtException', late);
  try {
    for (const peer of peers) figures.push(await measureOne(peer, scale, row));
  } finally {
    process.off('uncaughtException', late);
  }
  return figures;
}

/** Every call on the peer, opening and closing included, is guarded: a peer that fails is marked FAILED and the run goes on. */
async function measureOne(peer: Peer, scale: Scale, row: MeasurePeersOptions['row']): Promise<PeerFigures> {
  const failed = { store: peer.store, ours: peer.ours, engine: peer.engine, failed: true, oneWriter: 0, sixteenWriters: 0, readAll: 0 };
  let store: PeerStore | undefined;
  try {
    return await failOnUncaught(
      (async () => {
        store = await peer.open();
        return { ...(await measureStore(store, scale, row)), ours: peer.ours, engine: peer.engine, failed: false };
      })(),
    );
  } catch (error) {
    // A peer that breaks down is a result too; the rest of the benchmark still reports.
    row(`Peer: ${peer.store}`, 'FAILED', `${store ? '' : 'could not be opened: '}${error instanceof Error ? error.message : String(error)}`);
    return failed;
  } finally {
    await store?.close().catch((error: unknown) => console.log(`  (${peer.store} failed to close: ${error instanceof Error ? error.message : String(error)})`));
  }
}

async function measureStore(store: PeerStore, scale: Scale, row: MeasurePeersOptions['row']): Promise<Pick<PeerFigures, 'store' | 'oneWriter' | 'sixteenWriters' | 'readAll'>> {
  const path = peerCommandPath(store);
  const capped = cappedScale(scale);
  const cap = capped.months < scale.months ? `; capped to the first ${capped.months} of ${scale.months} months (${commandsIn(capped)} of ${commandsIn(scale)} commands)` : '';
  const figure = (what: string) => `Peer: ${store.name}, ${what}`;

  console.log(`  ${store.name}: one writer…`);
  let shown: ((done: number) => void) | undefined;
  const one = await withoutLoggedErrors(() => generateNationalDataset(path, capped, (done, total) => (shown ??= progress('commands', total))(done)));
  const p1 = percentiles(one.commandLatenciesMs);
  const retriedOne = store.retried();
  row(
    figure('durable appends, one writer'),
    `${perSecond(one.events, one.seconds)} events/s, p50 ${p1.p50} ms, p99 ${p1.p99} ms`,
    `${one.events} events from ${p1.count} commands in ${round(one.seconds, 1)} s${cap}${retries(retriedOne)}; ${store.durability}`,
  );

  console.log(`  ${store.name}: ${WRITERS} concurrent writers…`);
  const many = await withoutLoggedErrors(() => concurrentWriters(path, one.actionIds, WRITERS, PER_WRITER, CONCURRENT_LIMIT_MS));
  const p16 = percentiles(many.latenciesMs);
  const stopped = many.stoppedEarly ? `; stopped starting commands at the ${CONCURRENT_LIMIT_MS / 1000} s limit after ${many.commands} of ${WRITERS * PER_WRITER}` : '';
  const failed = many.failures ? `; ${many.failures} of ${many.commands} commands failed even after the store’s retries, first: ${many.firstFailure}` : '';
  row(
    figure(`durable appends, ${WRITERS} writers`),
    `${perSecond(many.events, many.seconds)} events/s, p50 ${p16.p50} ms, p99 ${p16.p99} ms`,
    `${WRITERS} writers × ${PER_WRITER} commands, each on its own actions; latencies of the ${p16.count} that succeeded${stopped}${retries(store.retried() - retriedOne)}${failed}`,
  );

  console.log(`  ${store.name}: reading the whole log…`);
  const started = performance.now();
  const read = await store.readAll(READ_BATCH);
  const seconds = (performance.now() - started) / 1000;
  const appended = one.events + many.events;
  const mismatch = read === appended ? '' : ` (${appended} were appended: the reader returned ${read > appended ? 'some twice' : 'fewer'})`;
  row(figure('reading the whole log in order'), `${perSecond(read, seconds)} events/s`, `${read} events in ${round(seconds, 2)} s, ${READ_BATCH} per batch${mismatch}`);
  return { store: store.name, oneWriter: perSecond(one.events, one.seconds), sixteenWriters: perSecond(many.events, many.seconds), readAll: perSecond(read, seconds) };
}

const perSecond = (events: number, seconds: number) => round(events / seconds, events / seconds < 10 ? 1 : 0);

const retries = (count: number) => (count ? `; ${count} attempts failed with SQLITE_BUSY (retried, at most 5 times per command)` : '');

/** Commands the dataset generator issues at a scale: plans, actions, monthly progress and evidence. */
/** The scale with as many months as fit in the cap (at least one). */
function cappedScale(scale: Scale): Scale {
  let months = scale.months;
  while (months > 1 && commandsIn({ ...scale, months }) > ONE_WRITER_COMMAND_CAP) months--;
  return { ...scale, months };
}

/**
 * Emmett's SQLite connection console.logs every failed transaction before rethrowing it; under
 * sixteen writers that is thousands of SQLITE_BUSY dumps. Retries and failures are counted in
 * the notes instead, so while `work` runs a lone Error passed to console.log is dropped.
 */
async function withoutLoggedErrors<T>(work: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (args.length === 1 && args[0] instanceof Error) return;
    log(...args);
  };
  try {
    return await work();
  } finally {
    console.log = log;
  }
}

/**
 * Emmett's SQLite driver (node-sqlite3) can emit an error event nobody listens for ("cannot
 * change into wal mode from within a transaction", once in a national run of 2026-12-06), which
 * would end the whole benchmark before it writes anything. While a peer is measured, such an
 * error fails that peer instead, like any other error it throws.
 */
function failOnUncaught<T>(work: Promise<T>): Promise<T> {
  let fail: (error: unknown) => void = () => undefined;
  const uncaught = new Promise<never>((_, reject) => {
    fail = reject;
    process.on('uncaughtException', fail);
  });
  return Promise.race([work, uncaught]).finally(() => process.off('uncaughtException', fail));
}
