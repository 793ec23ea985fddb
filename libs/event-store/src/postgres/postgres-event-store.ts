import { Client, Pool, PoolClient } from 'pg';
import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreHead,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { matchesExpectedRevision } from '../expected-revision';
import { EventStoreUnavailableError, WriteOutcomeUnknownError, WrongExpectedRevisionError } from '../event-store.errors';
import { PolledSubscriptions } from '../polled-subscriptions';
import { eventHashOf, nextGlobalHash } from '../chain/event-hash';
import { APPENDED_CHANNEL, POSTGRES_EVENT_STORE_SCHEMA } from './postgres-schema';
import { EventRow, toRecordedEvent } from '../event-row';
import { isPostgresUnavailable } from './postgres-unavailable';
import { EventLogRow, insertEventRows, lockLogHead, LogHead, NO_STREAM_TIP, readStreamTip, saveLogHead, saveStreamTip, StreamTip } from './postgres-statements';
import { appendRows, AppendRows } from './postgres-append-rows';
import { appendIfUnchanged, UnchangedOutcome } from './postgres-append-if-unchanged';
import { PostgresLastSeen } from './postgres-last-seen';

export interface PostgresEventStoreOptions {
  /** e.g. postgres://send:secret@db.council.internal:5432/send_tracker */
  connectionString: string;
  /** Connections for reads and appends; a LISTEN connection comes on top. */
  poolSize?: number;
  /** How often a subscriber looks for new events when no notification came (a lost connection, a missed NOTIFY). */
  pollIntervalMs?: number;
}


const COLUMNS = 'position, event_id, stream_id, stream_revision, type, data, metadata, recorded_at';
const HASHES = "encode(hash, 'hex') AS hash, encode(previous_hash, 'hex') AS previous_hash, encode(global_hash, 'hex') AS global_hash";

interface PendingAppend {
  streamId: string;
  events: NewEvent[];
  expectedRevision: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** The database, not the request, failed (connection, resources, shutdown, I/O): "unavailable", so the caller tries again. */
function unavailable(error: unknown): unknown {
  return isPostgresUnavailable(error) ? new EventStoreUnavailableError(`The PostgreSQL event store is unavailable: ${(error as Error).message}`, error) : error;
}


/**
 * The event store on PostgreSQL: the database a council already runs, backs up and replicates.
 *
 * **No event is skipped by a catch-up reader.** Positions come from one row (`event_log_head`)
 * that every append locks first and updates last, in the same transaction. A second writer waits
 * on that lock until the first commits, so positions become visible in the order they were
 * handed out: a reader that has seen position 101 can never later find a 100 committing. (A
 * sequence would not do: two transactions take 100 and 101, 101 commits first, and a reader
 * moves its checkpoint past 100 before it appears.) The same lock orders the global hash chain,
 * which needs each event's predecessor anyway. Writers therefore commit one at a time; within a
 * process, appends that arrive together share one transaction and one commit (group commit), and
 * `synchronous_commit` is left on, so an acknowledged append is on disk. docs/scaling.md weighs
 * this against snapshot-based visibility.
 *
 * **One round trip in the common case.** The hashes are computed here, so an append needs its
 * stream's tip and the log's head before it can be written. This process remembers both from its
 * own appends and reads (a command reads its stream first), chains the rows onto them and sends
 * one statement that takes the head's lock, checks that neither moved, and writes
 * (appendIfUnchanged). If another instance moved them, nothing is written and the statement
 * answers what it found, for one more try; after that, or for an append whose expected revision
 * the remembered tip does not satisfy, the locked transaction does it the long way: lock the head,
 * read each tip, each append in its own savepoint, so a stale revision is refused (CONFLICT with
 * the current revision) and refuses nothing else in the batch.
 *
 * Subscribers wake on LISTEN/NOTIFY (the notification is sent on commit) and poll as a fallback.
 */
export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly subscriptions: PolledSubscriptions;
  private readonly pending: PendingAppend[] = [];
  private readonly lastSeen = new PostgresLastSeen();
  private committing: Promise<void> | undefined;
  private listener: Client | undefined;
  private closed = false;

  private constructor(private readonly options: PostgresEventStoreOptions) {
    this.pool = new Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      // A server that is down or starting up answers at once; one that stopped answering must not hold a request for ever.
      connectionTimeoutMillis: 5_000,
      query_timeout: 30_000,
    });
    // An idle client whose server went away must not crash the process; the next query reports it.
    this.pool.on('error', () => undefined);
    this.subscriptions = new PolledSubscriptions(options.pollIntervalMs ?? 1000);
  }

  /** Creates the tables when missing and starts listening for appends. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    try {
      await store.createSchema();
      await store.listen();
    } catch (error) {
      await store.close();
      throw unavailable(error);
    }
    return store;
  }

  private async createSchema(): Promise<void> {
    const client = await this.pool.connect();
    try {
      // Two instances starting at once would race on CREATE TABLE IF NOT EXISTS; one goes at a time.
      await client.query('BEGIN');
      await client.query("SELECT pg_advisory_xact_lock(hashtext('send-tracker event store schema'))");
      await client.query(POSTGRES_EVENT_STORE_SCHEMA);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** A lost LISTEN connection is opened again; meanwhile the poll finds what others append. */
  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.options.connectionString });
    client.on('notification', () => this.subscriptions.notifyAppended());
    client.on('error', () => undefined);
    client.on('end', () => {
      if (this.listener === client) this.listener = undefined;
      if (!this.closed) setTimeout(() => void this.listen().catch(() => undefined), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${APPENDED_CHANNEL}`);
    this.listener = client;
  }

  appendToStream(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) return Promise.reject(new Error('appendToStream needs at least one event'));
    if (this.closed) return Promise.reject(new EventStoreUnavailableError('The PostgreSQL event store is closed'));
    return new Promise((resolve, reject) => {
      this.pending.push({ streamId, events, expectedRevision, resolve, reject });
      this.commitPending();
    });
  }

  /** One transaction at a time from this process, holding every append that arrived while the last one committed. */
  private commitPending(): void {
    if (this.committing) return;
    this.committing = (async () => {
      while (this.pending.length > 0) await this.commitBatch(this.pending.splice(0));
    })().finally(() => {
      this.committing = undefined;
      // Arrived between the last batch and this line: nobody else would commit them.
      if (this.pending.length > 0) this.commitPending();
    });
  }

  private async commitBatch(batch: PendingAppend[]): Promise<void> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      for (const append of batch) append.reject(unavailable(error));
      return;
    }
    // The server going away mid-transaction is reported by the query that was running; the client's own event must not crash the process.
    const ignore = () => undefined;
    client.on('error', ignore);
    let broken = false;
    try {
      let rest = batch;
      // A second try chains onto what the first found, which is current unless another instance wrote in between.
      for (let attempt = 0; attempt < 2 && rest.length > 0 && this.lastSeen.head && !broken; attempt++) ({ rest, broken } = await this.appendUnchanged(client, rest));
      if (rest.length > 0 && !broken) broken = await this.appendLocked(client, rest);
    } finally {
      client.off('error', ignore);
      client.release(broken);
    }
  }

  /**
   * The common case in one round trip: the appends whose streams' tips this process knows (and
   * whose expected revisions those tips satisfy) are chained onto the head it last saw and written
   * by one statement that checks both first. Answers the appends it did not settle, for another
   * try or the locked path, and whether the connection broke.
   */
  private async appendUnchanged(client: PoolClient, appends: PendingAppend[]): Promise<{ rest: PendingAppend[]; broken: boolean }> {
    const from = this.lastSeen.head!;
    const recordedAt = new Date().toISOString();
    const streams = new Map<string, { from: StreamTip; to: StreamTip }>();
    const unknown = new Set<string>();
    const chained: { append: PendingAppend; result: AppendResult }[] = [];
    const rest: PendingAppend[] = [];
    const rows: EventLogRow[] = [];
    let { position, globalHash } = from;
    for (const append of appends) {
      const { streamId, events, expectedRevision } = append;
      const tip = streams.get(streamId)?.to ?? this.lastSeen.tip(streamId);
      // Only the locked path may refuse a stale revision: it reads the current one under the lock.
      if (unknown.has(streamId) || !tip || !matchesExpectedRevision(expectedRevision, tip.revision < 0n ? undefined : tip.revision)) {
        unknown.add(streamId);
        rest.push(append);
        continue;
      }
      let built: AppendRows;
      try {
        built = appendRows(streamId, events, tip, position, globalHash, recordedAt);
      } catch (error) {
        // Data JSON cannot hold: refused before anything was sent.
        append.reject(error);
        continue;
      }
      rows.push(...built.rows);
      ({ position, globalHash } = built);
      streams.set(streamId, { from: streams.get(streamId)?.from ?? tip, to: built.tip });
      chained.push({ append, result: { nextExpectedRevision: built.tip.revision, position: built.position } });
    }
    if (chained.length === 0) return { rest, broken: false };
    let outcome: UnchangedOutcome;
    try {
      outcome = await appendIfUnchanged(client, { from, to: { position, globalHash }, streams: [...streams].map(([streamId, tips]) => ({ streamId, ...tips })), rows });
    } catch (error) {
      this.lastSeen.forget(streams.keys());
      if (!isPostgresUnavailable(error)) {
        // Refused as a whole with nothing written (a retried event id, say): the locked path finds which append is at fault.
        return { rest: [...chained.map((c) => c.append), ...rest], broken: false };
      }
      // The statement is its own commit, so a connection lost while it ran may have committed it.
      const failure = new WriteOutcomeUnknownError(`The PostgreSQL event store stopped answering during an append: ${(error as Error).message}`, error);
      for (const { append } of chained) append.reject(failure);
      for (const append of rest) append.reject(unavailable(error));
      return { rest: [], broken: true };
    }
    if (!outcome.applied) {
      this.lastSeen.head = outcome.head;
      for (const [streamId, tip] of outcome.tips) this.lastSeen.setTip(streamId, tip);
      return { rest: [...chained.map((c) => c.append), ...rest], broken: false };
    }
    this.lastSeen.head = { position, globalHash };
    for (const [streamId, { to }] of streams) this.lastSeen.setTip(streamId, to);
    for (const { append, result } of chained) append.resolve(result);
    this.subscriptions.notifyAppended();
    return { rest, broken: false };
  }

  /**
   * Locks the head first, then reads each stream's tip and appends in a savepoint of its own, so
   * a stale revision is refused with the current one and refuses nothing else. Answers whether
   * the connection broke.
   */
  private async appendLocked(client: PoolClient, batch: PendingAppend[]): Promise<boolean> {
    const outcomes: ({ ok: true; result: AppendResult } | { ok: false; error: unknown })[] = [];
    let committing = false;
    let head: LogHead;
    try {
      await client.query('BEGIN');
      head = await lockLogHead(client);
      const recordedAt = new Date().toISOString();
      for (const append of batch) {
        await client.query('SAVEPOINT append');
        try {
          const built = await this.appendOne(client, append, recordedAt, head.position, head.globalHash);
          head = { position: built.position, events: head.events + BigInt(append.events.length), globalHash: built.globalHash };
          await client.query('RELEASE SAVEPOINT append');
          outcomes.push({ ok: true, result: { nextExpectedRevision: built.tip.revision, position: built.position } });
        } catch (error) {
          // A refused append (stale revision, a duplicate event id, data that cannot be stored) rolls back only its own savepoint;
          // anything else (the connection lost) fails the whole transaction below.
          const refused = error instanceof WrongExpectedRevisionError || (error as { code?: string }).code === '23505' || error instanceof TypeError;
          if (!refused) throw error;
          await client.query('ROLLBACK TO SAVEPOINT append');
          outcomes.push({ ok: false, error });
        }
      }
      if (outcomes.some((o) => o.ok)) {
        await saveLogHead(client, head);
        await client.query(`NOTIFY ${APPENDED_CHANNEL}`);
      }
      committing = true;
      await client.query('COMMIT');
    } catch (error) {
      // A COMMIT that failed in flight may or may not have been applied: the caller is told the store
      // was unavailable and retries with the same command id, which handleCommand answers from the stream.
      await client.query('ROLLBACK').catch(() => undefined);
      this.lastSeen.forget(batch.map((append) => append.streamId));
      const failure = committing && outcomes.some((o) => o.ok) ? new WriteOutcomeUnknownError(`The PostgreSQL event store stopped answering during COMMIT: ${(error as Error).message}`, error) : unavailable(error);
      // An append refused in its own savepoint stays refused for its own reason.
      batch.forEach((append, i) => append.reject(outcomes[i]?.ok === false ? (outcomes[i] as { error: unknown }).error : failure));
      return true;
    }
    this.lastSeen.head = head;
    batch.forEach((append, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) append.resolve(outcome.result);
      else append.reject(outcome.error);
    });
    if (outcomes.some((o) => o.ok)) this.subscriptions.notifyAppended();
    return false;
  }

  private async appendOne(client: PoolClient, append: PendingAppend, recordedAt: string, after: bigint, globalHash: string): Promise<AppendRows> {
    const { streamId, events, expectedRevision } = append;
    const current = await readStreamTip(client, streamId);
    this.lastSeen.setTip(streamId, current ?? NO_STREAM_TIP);
    if (!matchesExpectedRevision(expectedRevision, current?.revision)) throw new WrongExpectedRevisionError(streamId, expectedRevision, current?.revision ?? 'no_stream');
    const built = appendRows(streamId, events, current ?? NO_STREAM_TIP, after, globalHash, recordedAt);
    await insertEventRows(client, built.rows);
    await saveStreamTip(client, streamId, built.tip);
    this.lastSeen.setTip(streamId, built.tip);
    return built;
  }

  /**
   * Copies events recorded by another store into this one as they are: same positions, stream
   * revisions, ids, recorded times and hashes, so the global chain (and any head mailed or printed
   * from it) is the same here. Each event must match its hash, follow its stream's previous event
   * and continue the global chain from this store's head; one that does not is refused with the
   * whole page. Only for `npm run migrate-events` into an empty store: nothing else may write meanwhile.
   */
  async importRecorded(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const client = await this.pool.connect();
    const ignore = () => undefined;
    client.on('error', ignore);
    try {
      await client.query('BEGIN');
      const head = await lockLogHead(client);
      let { position, globalHash } = head;
      const tips = new Map<string, StreamTip>();
      const rows: EventLogRow[] = [];
      for (const event of events) {
        const where = `position ${event.position} (stream ${event.streamId}, revision ${event.revision})`;
        if (event.position <= position) throw new Error(`The event at ${where} is not after this store's newest position ${position}`);
        if (event.hash === undefined || event.previousHash === undefined) throw new Error(`The event at ${where} carries no chain hash`);
        const tip = tips.get(event.streamId) ?? (await readStreamTip(client, event.streamId)) ?? NO_STREAM_TIP;
        if (event.revision !== tip.revision + 1n || event.previousHash !== tip.hash) throw new Error(`The event at ${where} does not follow its stream's previous event here`);
        if (eventHashOf(event, event.previousHash) !== event.hash) throw new Error(`The event at ${where} no longer matches its hash`);
        globalHash = nextGlobalHash(globalHash, event.hash);
        if (event.globalHash !== undefined && event.globalHash !== globalHash) throw new Error(`The global chain breaks at ${where}`);
        rows.push([String(event.position), event.id, event.streamId, String(event.revision), event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), event.recordedAt, event.hash, event.previousHash, globalHash]);
        tips.set(event.streamId, { revision: event.revision, hash: event.hash });
        position = event.position;
      }
      await insertEventRows(client, rows);
      for (const [streamId, tip] of tips) await saveStreamTip(client, streamId, tip);
      await saveLogHead(client, { position, events: head.events + BigInt(events.length), globalHash });
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw unavailable(error);
    } finally {
      this.lastSeen.forget(events.map((event) => event.streamId));
      client.off('error', ignore);
      client.release();
    }
    this.subscriptions.notifyAppended();
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after === undefined ? '-1' : String(options.after);
    const events = await this.query(`SELECT ${COLUMNS}, ${HASHES} FROM send_events.event_log WHERE stream_id = $1 AND stream_revision > $2 ORDER BY stream_revision`, [streamId, after]);
    // A command reads its stream before it appends: the tip it saw lets the append go in one statement.
    const newest = events.at(-1);
    if (newest) this.lastSeen.sawTip(streamId, { revision: newest.revision, hash: newest.hash! });
    else if (options.after === undefined) this.lastSeen.sawTip(streamId, NO_STREAM_TIP);
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after === undefined ? '0' : String(options.after);
    const limit = options.maxCount === undefined ? 'ALL' : String(Math.max(0, Math.floor(options.maxCount)));
    const columns = options.withHashes ? `${COLUMNS}, ${HASHES}` : COLUMNS;
    return this.query(`SELECT ${columns} FROM send_events.event_log WHERE position > $1 ORDER BY position LIMIT ${limit}`, [after]);
  }

  private async query(sql: string, params: unknown[]): Promise<RecordedEvent[]> {
    try {
      return (await this.pool.query<EventRow>(sql, params)).rows.map(toRecordedEvent);
    } catch (error) {
      throw unavailable(error);
    }
  }

  async headPosition(): Promise<GlobalPosition | undefined> {
    return (await this.head())?.position;
  }

  async head(): Promise<StoreHead | undefined> {
    let row;
    try {
      row = (await this.pool.query<{ position: string; events: string; global_hash: string }>("SELECT position, events, encode(global_hash, 'hex') AS global_hash FROM send_events.event_log_head WHERE id = 1")).rows[0];
    } catch (error) {
      throw unavailable(error);
    }
    if (!row || row.position === '0') return undefined;
    return { position: BigInt(row.position), events: Number(row.events), globalHash: row.global_hash };
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return this.subscriptions.subscribe((after, maxCount) => this.readAll({ after, maxCount, withHashes: options.withHashes }), options);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.committing;
    await this.subscriptions.closeAll();
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}
