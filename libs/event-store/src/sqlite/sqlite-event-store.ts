import Database from 'better-sqlite3';
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
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors';
import { PolledSubscriptions } from '../polled-subscriptions';
import { StreamCache } from './stream-cache';
import { BackgroundCheckpointer, leaveCheckpointsToTheThread } from './background-checkpointer';
import { eventHashOf, GENESIS_HASH, nextGlobalHash } from '../chain/event-hash';
import { hashedAtAppend } from '../chain/hashed-at-append';
import { addHashChain, APPEND_ONLY_UPDATE_TRIGGER } from './hash-chain-migration';
import { EVENT_COLUMNS, EventRow, HASH_COLUMNS, toRecordedEvent } from '../event-row';

export interface SqliteEventStoreOptions {
  /** File path, or ':memory:' for tests. */
  filename: string;
  /**
   * FULL makes every commit survive power loss (the WAL is fsync'd on commit); it is what we
   * ship. NORMAL trades the last commits on power loss for speed and is only for benchmarks.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** How long a write waits for another process's lock before the store reports itself unavailable. */
  busyTimeoutMs?: number;
  /** How often a subscriber looks for events written by another process. */
  pollIntervalMs?: number;
  /**
   * Checkpoint the write-ahead log on a background thread instead of inside the commit that
   * fills it (see BackgroundCheckpointer). On by default for a file.
   */
  backgroundCheckpoints?: boolean;
}


const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position        INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id        TEXT    NOT NULL UNIQUE,
  stream_id       TEXT    NOT NULL,
  stream_revision INTEGER NOT NULL,
  type            TEXT    NOT NULL,
  data            TEXT    NOT NULL,
  metadata        TEXT    NOT NULL,
  recorded_at     TEXT    NOT NULL,
  hash            BLOB    NOT NULL,
  previous_hash   BLOB    NOT NULL,
  global_hash     BLOB    NOT NULL,
  UNIQUE (stream_id, stream_revision)
);
CREATE TABLE IF NOT EXISTS streams (
  stream_id TEXT    PRIMARY KEY,
  revision  INTEGER NOT NULL,
  hash      BLOB
) WITHOUT ROWID;
${APPEND_ONLY_UPDATE_TRIGGER}
CREATE TRIGGER IF NOT EXISTS events_are_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
`;

/** Failures of the file rather than of the request: locked by another process, disk full, I/O. */
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|PROTOCOL|NOMEM)/;

/** The file's failures become "store unavailable" (the transaction rolled back, nothing was written); anything else is a bug and stays as it is. */
function unavailableOnFailure<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE.test(code)) {
      throw new EventStoreUnavailableError(`The SQLite event store is unavailable (${code}): ${(error as Error).message}`, error);
    }
    throw error;
  }
}

type AppendOutcome = { ok: true; result: AppendResult; recorded: RecordedEvent[] } | { ok: false; error: unknown };
type Appended = { result: AppendResult; recorded: RecordedEvent[]; globalHash: string };
type GroupOutcome = { outcomes: AppendOutcome[]; chainHead: ChainHeadMemo };

/** The global chain's newest value, and the file's data version when it was known to be the newest. */
interface ChainHeadMemo {
  hash: string;
  dataVersion: number;
}

interface PendingAppend {
  streamId: string;
  events: NewEvent[];
  expectedRevision: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** The zero-setup event store: one append-only table in a SQLite file, in WAL mode. */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly subscriptions: PolledSubscriptions;
  private readonly statements;
  private readonly pending: PendingAppend[] = [];
  private readonly recentStreams = new StreamCache();
  /** One transaction for a batch of appends; each append runs in a nested transaction (a savepoint). */
  private readonly groupCommit: Database.Transaction<(batch: PendingAppend[], recordedAt: string) => GroupOutcome>;
  private chainHead: ChainHeadMemo | undefined;
  /**
   * Events counted so far and the newest position among them. Events are never deleted and new
   * ones always get higher positions, so only those after it need counting: a range of the
   * primary key, where counting the table would walk all of it. Only tampering deletes events;
   * if the newest counted one is gone, the count starts again (see readHead).
   */
  private counted = { position: 0, events: 0 };
  /** One read transaction, so the count and the hash come from the same snapshot of the file. */
  private readonly readHead: () => StoreHead | undefined;
  private readonly checkpointer: BackgroundCheckpointer | undefined;

  constructor(options: SqliteEventStoreOptions) {
    this.db = new Database(options.filename);
    // A file that is not a database fails at the first pragma; the connection is closed either way.
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
      this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
      // Reads come from memory-mapped pages and a 64 MB page cache rather than a system call per page.
      this.db.pragma('cache_size = -65536');
      this.db.pragma('mmap_size = 1073741824');
      this.db.exec(SCHEMA);
      addHashChain(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
    const inMemory = options.filename === ':memory:' || options.filename === '';
    if (options.backgroundCheckpoints ?? !inMemory) {
      leaveCheckpointsToTheThread(this.db);
      this.checkpointer = new BackgroundCheckpointer(options.filename);
    }
    this.subscriptions = new PolledSubscriptions(options.pollIntervalMs ?? 250);
    this.statements = {
      streamRevision: this.db.prepare<[string], { revision: number; hash: Buffer | null }>('SELECT revision, hash FROM streams WHERE stream_id = ?'),
      upsertStream: this.db.prepare(
        'INSERT INTO streams (stream_id, revision, hash) VALUES (?, ?, ?) ON CONFLICT(stream_id) DO UPDATE SET revision = excluded.revision, hash = excluded.hash',
      ),
      insert: this.db.prepare(
        `INSERT INTO events (event_id, stream_id, stream_revision, type, data, metadata, recorded_at, hash, previous_hash, global_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      globalHead: this.db.prepare<[], Buffer>('SELECT global_hash FROM events ORDER BY position DESC LIMIT 1').pluck(),
      readStreamAfter: this.db.prepare<[string, number], EventRow>(
        `SELECT ${EVENT_COLUMNS}, ${HASH_COLUMNS} FROM events WHERE stream_id = ? AND stream_revision > ? ORDER BY stream_revision`,
      ),
      readAll: this.db.prepare<[number, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
      readAllWithHashes: this.db.prepare<[number, number], EventRow>(`SELECT ${EVENT_COLUMNS}, ${HASH_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
      head: this.db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events'),
      countAfter: this.db.prepare<[number], { events: number; position: number | null }>('SELECT COUNT(*) AS events, MAX(position) AS position FROM events WHERE position > ?'),
      globalHashAt: this.db.prepare<[number], Buffer>('SELECT global_hash FROM events WHERE position = ?').pluck(),
      dataVersion: this.db.prepare<[], number>('PRAGMA data_version').pluck(),
    };
    this.readHead = this.db.transaction((): StoreHead | undefined => {
      const since = this.statements.countAfter.get(this.counted.position)!;
      if (since.position !== null) this.counted = { position: since.position, events: this.counted.events + since.events };
      if (this.counted.events === 0) return undefined;
      let hash = this.statements.globalHashAt.get(this.counted.position);
      if (hash === undefined) {
        // The newest events were deleted under this store (a truncated file): count again from the first.
        const all = this.statements.countAfter.get(0)!;
        this.counted = { position: all.position ?? 0, events: all.events };
        if (all.position === null) return undefined;
        hash = this.statements.globalHashAt.get(all.position)!;
      }
      return { position: BigInt(this.counted.position), events: this.counted.events, globalHash: hash.toString('hex') };
    });
    const one = this.db.transaction((append: PendingAppend, recordedAt: string, globalHash: string) =>
      this.appendOne(append.streamId, append.events, append.expectedRevision, recordedAt, globalHash),
    );
    this.groupCommit = this.db.transaction((batch: PendingAppend[], recordedAt: string): GroupOutcome => {
      const chainHead = this.currentChainHead();
      const outcomes = batch.map((append): AppendOutcome => {
        try {
          const { globalHash, ...appended } = one(append, recordedAt, chainHead.hash);
          chainHead.hash = globalHash;
          return { ok: true, ...appended };
        } catch (error) {
          // A refused append (stale revision, duplicate event id) rolls back its own savepoint only.
          if (error instanceof WrongExpectedRevisionError || String((error as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')) return { ok: false, error };
          throw error;
        }
      });
      return { outcomes, chainHead };
    });
  }

  /**
   * Runs inside the write transaction. The data version moves only when another connection
   * commits, so while it stands still the head this store last wrote is still the newest and no
   * query is needed; otherwise the newest event's global hash is read once.
   */
  private currentChainHead(): ChainHeadMemo {
    const dataVersion = this.statements.dataVersion.get()!;
    if (this.chainHead?.dataVersion === dataVersion) return { ...this.chainHead };
    const stored = this.statements.globalHead.get();
    return { hash: stored ? stored.toString('hex') : GENESIS_HASH, dataVersion };
  }

  /**
   * Appends that arrive in the same turn of the event loop share one transaction and one fsync
   * (group commit). Each is still checked against its own expected revision, inside its own
   * savepoint, so one stale write is refused without touching the others; each caller's promise
   * resolves only once the shared commit is durable.
   */
  appendToStream(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) return Promise.reject(new Error('appendToStream needs at least one event'));
    return new Promise((resolve, reject) => {
      this.pending.push({ streamId, events, expectedRevision, resolve, reject });
      if (this.pending.length === 1) queueMicrotask(() => this.commitPending());
    });
  }

  private commitPending(): void {
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;
    const recordedAt = new Date().toISOString();
    let outcomes: AppendOutcome[];
    try {
      // IMMEDIATE takes the write lock before reading revisions, so two processes sharing the
      // file cannot both pass the revision check (nor both extend the global chain).
      const group = unavailableOnFailure(() => this.groupCommit.immediate(batch, recordedAt));
      outcomes = group.outcomes;
      this.chainHead = group.chainHead;
    } catch (error) {
      for (const append of batch) append.reject(error);
      return;
    }
    batch.forEach((append, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) {
        this.recentStreams.appended(append.streamId, outcome.recorded);
        append.resolve(outcome.result);
      } else append.reject(outcome.error);
    });
    if (outcomes.some((o) => o.ok)) this.subscriptions.notifyAppended();
  }

  private appendOne(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision, recordedAt: string, globalHash: string): Appended {
    const current = this.statements.streamRevision.get(streamId);
    const actual = current === undefined ? undefined : BigInt(current.revision);
    if (!matchesExpectedRevision(expectedRevision, actual)) {
      throw new WrongExpectedRevisionError(streamId, expectedRevision, actual ?? 'no_stream');
    }
    let revision = current === undefined ? -1 : current.revision;
    let previousHash = current?.hash ? current.hash.toString('hex') : GENESIS_HASH;
    const recorded: RecordedEvent[] = [];
    for (const event of events) {
      revision += 1;
      const data = JSON.stringify(event.data);
      const metadata = JSON.stringify(event.metadata);
      // Hashed as parsed back from what is stored, so verify recomputes exactly this; the cached
      // event shares nothing with the caller's objects either.
      const content = { id: event.id, streamId, revision: BigInt(revision), type: event.type, data: JSON.parse(data), metadata: JSON.parse(metadata), recordedAt };
      const hash = eventHashOf(content, previousHash);
      globalHash = nextGlobalHash(globalHash, hash);
      const result = this.statements.insert.run(event.id, streamId, revision, event.type, data, metadata, recordedAt, Buffer.from(hash, 'hex'), Buffer.from(previousHash, 'hex'), Buffer.from(globalHash, 'hex'));
      const appended: RecordedEvent = { ...content, position: BigInt(result.lastInsertRowid), hash, previousHash, globalHash };
      hashedAtAppend.add(appended);
      recorded.push(appended);
      previousHash = hash;
    }
    this.statements.upsertStream.run(streamId, revision, Buffer.from(previousHash, 'hex'));
    return { result: { nextExpectedRevision: BigInt(revision), position: recorded[recorded.length - 1].position }, recorded, globalHash };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { after } = options;
    return unavailableOnFailure(() => {
      // Read before the events, so an append committed in between is looked for again next time.
      const version = this.statements.dataVersion.get()!;
      const cached = this.recentStreams.get(streamId);
      if (cached?.checkedAt === version) return after === undefined ? [...cached.events] : cached.events.filter((e) => e.revision > after);
      // A caller that already holds the stream up to a revision asks only for what follows: one
      // index lookup, usually finding nothing, which is cheaper than refreshing the cached copy.
      if (after !== undefined) return this.statements.readStreamAfter.all(streamId, Number(after)).map(toRecordedEvent);
      const known = cached?.events ?? [];
      const since = known.length === 0 ? -1 : Number(known[known.length - 1].revision);
      const appended = this.statements.readStreamAfter.all(streamId, since).map(toRecordedEvent);
      const events = appended.length === 0 ? known : [...known, ...appended];
      this.recentStreams.set(streamId, events, version);
      // The caller gets its own array; the recorded events themselves are shared and never changed.
      return [...events];
    });
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after === undefined ? 0 : Number(options.after);
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const read = options.withHashes ? this.statements.readAllWithHashes : this.statements.readAll;
    return unavailableOnFailure(() => read.all(after, maxCount).map(toRecordedEvent));
  }

  async headPosition(): Promise<GlobalPosition | undefined> {
    const row = unavailableOnFailure(() => this.statements.head.get());
    return row?.position == null ? undefined : BigInt(row.position);
  }

  async head(): Promise<StoreHead | undefined> {
    return unavailableOnFailure(() => this.readHead());
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return this.subscriptions.subscribe((after, maxCount) => this.readAll({ after, maxCount, withHashes: options.withHashes }), options);
  }

  /** Stored events are read again from the file: what was cached may have been read while it was tampered with. */
  forgetCachedReads(): void {
    this.recentStreams.clear();
  }

  async close(): Promise<void> {
    this.commitPending();
    await this.subscriptions.closeAll();
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }
}
