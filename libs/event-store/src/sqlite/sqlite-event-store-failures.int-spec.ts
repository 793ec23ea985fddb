import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { NewEvent, RecordedEvent } from '../event-store.port';
import { EventStoreUnavailableError } from '../event-store.errors';
import { SqliteEventStore } from './sqlite-event-store';

// What the SQLite store does when something goes wrong, and at its edges: a file locked by another
// process, one append of a group commit failing, closing with appends still queued. The mutation
// run (docs/testing.md) found each of these untested.
describe('SqliteEventStore when something goes wrong', () => {
  let dir: string;
  let filename: string;
  const stores: SqliteEventStore[] = [];
  const connections: Database.Database[] = [];

  function openStore(options: { busyTimeoutMs?: number; pollIntervalMs?: number } = {}): SqliteEventStore {
    const store = new SqliteEventStore({ filename, pollIntervalMs: 50, ...options });
    stores.push(store);
    return store;
  }

  function openConnection(): Database.Database {
    const connection = new Database(filename);
    connections.push(connection);
    return connection;
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sqlite-event-store-failures-'));
    filename = join(dir, 'events.sqlite');
  });

  afterEach(async () => {
    for (const connection of connections.splice(0)) if (connection.inTransaction) connection.exec('ROLLBACK');
    await Promise.all(stores.splice(0).map((store) => store.close()));
    for (const connection of connections.splice(0)) connection.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reports a file another process holds locked as unavailable, naming SQLITE_BUSY, and writes nothing', async () => {
    const store = openStore({ busyTimeoutMs: 0 });
    const other = openConnection();
    const streamId = newStreamId();
    other.exec('BEGIN IMMEDIATE');

    const refused = store.appendToStream(streamId, [newEvent()], 'no_stream');

    await expect(refused).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(refused).rejects.toThrow(/unavailable \(SQLITE_BUSY/);
    other.exec('ROLLBACK');
    expect(await store.readStream(streamId)).toEqual([]);
  });

  it('waits for another process to let go of the write lock, up to its busy timeout', async () => {
    const store = openStore({ busyTimeoutMs: 20_000 });
    await store.appendToStream(newStreamId(), [newEvent()], 'no_stream');
    // A thread of its own, as another process would be: the store's wait blocks this one.
    const holder = new Worker(HOLD_WRITE_LOCK, { eval: true, workerData: { filename, driver: require.resolve('better-sqlite3'), holdMs: 300 } });
    try {
      await new Promise((resolve, reject) => holder.once('message', resolve).once('error', reject));
      const streamId = newStreamId();

      await store.appendToStream(streamId, [newEvent()], 'no_stream');

      expect(await store.readStream(streamId)).toHaveLength(1);
    } finally {
      await holder.terminate();
    }
  });

  it('leaves any other failure as it is, not as "unavailable": an event that is not JSON is a bug to see', async () => {
    const store = openStore();
    const streamId = newStreamId();
    await store.appendToStream(streamId, [newEvent()], 'no_stream');
    const raw = openConnection();
    raw.exec('DROP TRIGGER events_are_append_only_update');
    raw.prepare("UPDATE events SET data = 'not json' WHERE stream_id = ?").run(streamId);

    const read = store.readAll();

    await expect(read).rejects.toBeInstanceOf(SyntaxError);
    await expect(read).rejects.not.toBeInstanceOf(EventStoreUnavailableError);
  });

  it('refuses a duplicate event id in one append of a group commit and commits the others', async () => {
    const store = openStore();
    const stored = newEvent();
    await store.appendToStream(newStreamId(), [stored], 'no_stream');
    const [duplicate, fine] = [newStreamId(), newStreamId()];

    const outcomes = await Promise.allSettled([
      store.appendToStream(duplicate, [{ ...newEvent(), id: stored.id }], 'no_stream'),
      store.appendToStream(fine, [newEvent()], 'no_stream'),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason.code)).toMatch(/^SQLITE_CONSTRAINT/);
    expect(await store.readStream(duplicate)).toEqual([]);
    expect(await store.readStream(fine)).toHaveLength(1);
  });

  it('fails the whole group commit when one append fails in a way it does not expect, so nothing is half-written', async () => {
    const store = openStore();
    const [broken, fine] = [newStreamId(), newStreamId()];

    const outcomes = await Promise.allSettled([
      // JSON cannot hold a bigint: a caller's bug, not a refusal the store knows.
      store.appendToStream(broken, [{ ...newEvent(), data: { amount: 1n } }], 'no_stream'),
      store.appendToStream(fine, [newEvent()], 'no_stream'),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(outcomes.map((o) => (o as PromiseRejectedResult).reason)).toEqual([expect.any(TypeError), expect.any(TypeError)]);
    expect(await store.readAll()).toEqual([]);
  });

  it('refuses an append of no events, and creates no stream', async () => {
    const store = openStore();
    const streamId = newStreamId();

    await expect(store.appendToStream(streamId, [], 'no_stream')).rejects.toThrow('appendToStream needs at least one event');

    expect(await store.headPosition()).toBeUndefined();
    await expect(store.appendToStream(streamId, [newEvent()], 'no_stream')).resolves.toMatchObject({ nextExpectedRevision: 0n });
  });

  it('wakes its own subscribers when it appends, without waiting for a poll, even when another append of the group was refused', async () => {
    const store = openStore({ pollIntervalMs: 3_600_000 });
    const existing = newStreamId();
    await store.appendToStream(existing, [newEvent()], 'no_stream');
    const received: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({ onEvents: async (events) => void received.push(...events) });
    try {
      await waitFor(() => received.length === 1);
      const fresh = newEvent();

      await Promise.allSettled([store.appendToStream(existing, [newEvent()], 'no_stream'), store.appendToStream(newStreamId(), [fresh], 'no_stream')]);

      await waitFor(() => received.length === 2);
      expect(received[1].id).toBe(fresh.id);
    } finally {
      await subscription.unsubscribe();
    }
  });

  it('commits the appends still queued when it is closed, then refuses to read', async () => {
    const store = openStore();
    const streamId = newStreamId();

    const queued = store.appendToStream(streamId, [newEvent()], 'no_stream');
    await store.close();

    await expect(queued).resolves.toMatchObject({ nextExpectedRevision: 0n });
    await expect(store.readAll()).rejects.toThrow(/not open/);
    expect(await openStore().readStream(streamId)).toHaveLength(1);
  });

  it('lets go of a file it cannot open as a store', () => {
    if (process.platform !== 'linux') {
      console.warn('skipped on this platform: open files are counted through /proc/self/fd');
      return;
    }
    writeFileSync(filename, 'this is not a SQLite database, but a text file of some length '.repeat(20));

    expect(() => new SqliteEventStore({ filename, backgroundCheckpoints: false })).toThrow(/not a database/);

    expect(openFiles().filter((path) => path.startsWith(filename))).toEqual([]);
  });
});

/** Takes the file's write lock, says so, and lets go after `holdMs`. */
const HOLD_WRITE_LOCK = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename);
db.exec('BEGIN IMMEDIATE');
parentPort.postMessage('locked');
setTimeout(() => { db.exec('COMMIT'); db.close(); }, workerData.holdMs);
`;

function openFiles(): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return [readlinkSync(join('/proc/self/fd', fd))];
    } catch {
      return []; // closed since it was listed
    }
  });
}

function newStreamId(): string {
  return `action-${randomUUID()}`;
}

function newEvent(): NewEvent {
  return { id: randomUUID(), type: 'ThingHappened', data: {}, metadata: { schemaVersion: 1, occurredAt: new Date().toISOString() } };
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs}ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
