import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { NewEvent, RecordedEvent } from '../event-store.port';
import { WrongExpectedRevisionError } from '../event-store.errors';
import { SqliteEventStore } from './sqlite-event-store';
import { Decider, handleCommand } from '../handle-command';
import { StreamStateCache } from '../stream-state-cache';
import { verifyEventStore } from '../chain/verify-event-store';

async function tempDatabase(): Promise<{ filename: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'sqlite-event-store-'));
  return { filename: join(dir, 'events.sqlite'), remove: () => rm(dir, { recursive: true, force: true }) };
}

let contractDatabase: Awaited<ReturnType<typeof tempDatabase>>;
describeEventStoreContract(
  'SqliteEventStore',
  async () => {
    contractDatabase = await tempDatabase();
    return new SqliteEventStore({ filename: contractDatabase.filename, pollIntervalMs: 50 });
  },
  () => contractDatabase.remove(),
);

describe('SqliteEventStore on a file', () => {
  let database: Awaited<ReturnType<typeof tempDatabase>>;
  const stores: SqliteEventStore[] = [];
  const connections: Database.Database[] = [];

  function openStore(options: { synchronous?: 'FULL' | 'NORMAL'; backgroundCheckpoints?: boolean } = {}): SqliteEventStore {
    const store = new SqliteEventStore({ filename: database.filename, pollIntervalMs: 50, ...options });
    stores.push(store);
    return store;
  }

  function openConnection(): Database.Database {
    const connection = new Database(database.filename);
    connections.push(connection);
    return connection;
  }

  beforeEach(async () => {
    database = await tempDatabase();
  });

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    for (const connection of connections.splice(0)) connection.close();
    await database.remove();
  });

  it('reads a stream it has read before together with what another process appended since', async () => {
    const mine = openStore();
    const theirs = openStore();
    const streamId = newStreamId();
    await mine.appendToStream(streamId, [newEvent(), newEvent()], 'no_stream');
    const first = await mine.readStream(streamId);
    first.pop(); // the caller's array is its own
    await theirs.appendToStream(streamId, [newEvent()], 1n);
    await mine.appendToStream(streamId, [newEvent()], 2n);
    const again = await mine.readStream(streamId);
    expect(again.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n]);
    expect(again).toEqual(await openStore().readStream(streamId));
  });

  it('notices another process appending after its own append was added to what it had read', async () => {
    const mine = openStore();
    const theirs = openStore();
    const streamId = newStreamId();
    await mine.appendToStream(streamId, [newEvent()], 'no_stream');
    await mine.readStream(streamId);
    await mine.appendToStream(streamId, [newEvent()], 0n);
    expect((await mine.readStream(streamId)).map((e) => e.revision)).toEqual([0n, 1n]);
    await theirs.appendToStream(streamId, [newEvent()], 1n);
    const seen = await mine.readStream(streamId);
    expect(seen.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
    expect(seen).toEqual(await openStore().readStream(streamId));
  });

  it('refuses to update or delete a stored event, even over another connection', async () => {
    const store = openStore();
    const streamId = newStreamId();
    await store.appendToStream(streamId, [newEvent()], 'no_stream');
    const raw = openConnection();

    expect(() => raw.prepare("UPDATE events SET type = 'Rewritten' WHERE stream_id = ?").run(streamId)).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM events WHERE stream_id = ?').run(streamId)).toThrow(/append-only/);
    expect((await store.readStream(streamId)).map((e) => e.type)).toEqual(['ThingHappened']);
  });

  it('runs in WAL mode with synchronous FULL unless told otherwise', () => {
    const store = openStore();
    const fast = openStore({ synchronous: 'NORMAL' });
    // synchronous is a per-connection setting, so it can only be read on the store's own connection.
    const connectionOf = (s: SqliteEventStore) => (s as unknown as { db: Database.Database }).db;

    expect(openConnection().pragma('journal_mode', { simple: true })).toBe('wal');
    expect(connectionOf(store).pragma('synchronous', { simple: true })).toBe(2);
    expect(connectionOf(fast).pragma('synchronous', { simple: true })).toBe(1);
  });

  describe('checkpoints', () => {
    const connectionOf = (s: SqliteEventStore) => (s as unknown as { db: Database.Database }).db;
    const fileSize = () => statSync(database.filename).size;
    const twoHundredEvents = () => Array.from({ length: 200 }, () => newEvent());

    it('copies the write-ahead log into the file on a background thread, so no commit has to', async () => {
      const store = openStore();
      expect(connectionOf(store).pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
      const before = fileSize();

      await store.appendToStream(newStreamId(), twoHundredEvents(), 'no_stream');

      // Far below either threshold, so only the background thread can have copied these pages.
      await waitFor(() => fileSize() > before);
      expect(await store.readStream((await store.readAll())[0].streamId)).toHaveLength(200);
    });

    it('leaves checkpoints to SQLite, inside the commits, when told to', async () => {
      const store = openStore({ backgroundCheckpoints: false });
      expect(connectionOf(store).pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      const before = fileSize();

      await store.appendToStream(newStreamId(), twoHundredEvents(), 'no_stream');
      await new Promise((resolve) => setTimeout(resolve, 400));

      expect(fileSize()).toBe(before);
    });
  });

  it('has no head position while empty', async () => {
    expect(await openStore().headPosition()).toBeUndefined();
    expect(await openStore().head()).toBeUndefined();
  });

  it('counts exactly the events stored, whichever process appended them, and none of a refused batch; its hash is the verified chain head', async () => {
    const [mine, theirs] = [openStore(), openStore()];
    await mine.appendToStream(newStreamId(), [newEvent(), newEvent()], 'no_stream');
    expect(await mine.head()).toMatchObject({ events: 2 });
    await theirs.appendToStream(newStreamId(), [newEvent()], 'no_stream');
    const taken = newStreamId();
    await mine.appendToStream(taken, [newEvent()], 'no_stream');
    await expect(theirs.appendToStream(taken, [newEvent(), newEvent()], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);

    const head = await mine.head();

    expect(head).toEqual(await theirs.head());
    expect(head!.events).toBe((await mine.readAll()).length);
    expect(head!.events).toBe(4);
    const verified = await verifyEventStore(mine);
    expect(verified.ok).toBe(true);
    expect(head).toEqual({ position: verified.head!.position, events: 4, globalHash: verified.head!.hash });
  });

  it('names where the history now ends after its newest events were deleted under it (a truncated file), instead of failing', async () => {
    const store = openStore();
    await store.appendToStream(newStreamId(), [newEvent(), newEvent(), newEvent()], 'no_stream');
    expect(await store.head()).toMatchObject({ events: 3 });
    const tamperer = openConnection();
    tamperer.exec('DROP TRIGGER IF EXISTS events_are_append_only_delete; DELETE FROM events WHERE position IN (SELECT position FROM events ORDER BY position DESC LIMIT 2);');
    const [kept] = await store.readAll({ withHashes: true });
    expect(await store.head()).toEqual({ position: kept.position, events: 1, globalHash: kept.globalHash });
    tamperer.exec('DELETE FROM events');
    expect(await store.head()).toBeUndefined();
  });

  it('reads a stream again from the file once told to forget what it cached', async () => {
    const store = openStore();
    const streamId = newStreamId();
    await store.appendToStream(streamId, [newEvent()], 'no_stream');
    const [cached] = await store.readStream(streamId);
    const tamperer = openConnection();
    tamperer.exec("DROP TRIGGER IF EXISTS events_are_append_only_update; UPDATE events SET data = json_set(data, '$.edited', 1)");
    expect((await store.readStream(streamId))[0].data).toEqual(cached.data);
    store.forgetCachedReads();
    expect((await store.readStream(streamId))[0].data).toMatchObject({ edited: 1 });
  });

  it('refuses an event id that is already stored, and rolls back the whole batch', async () => {
    const store = openStore();
    const existing = newEvent();
    await store.appendToStream(newStreamId(), [existing], 'no_stream');
    const streamId = newStreamId();

    // better-sqlite3 is loaded once per process, so its SqliteError may come from another test
    // file's realm, which `rejects.toThrow` does not recognise as an Error; match the message.
    await expect(store.appendToStream(streamId, [newEvent(), { ...existing }], 'no_stream')).rejects.toMatchObject({
      message: expect.stringMatching(/UNIQUE constraint failed: events\.event_id/),
    });

    expect(await store.readStream(streamId)).toEqual([]);
  });

  it('group-commits appends made in the same moment, in the order they were made: a later one sees an earlier one', async () => {
    const store = openStore();
    const streamId = newStreamId();
    const results = await Promise.all([
      store.appendToStream(streamId, [newEvent()], 'no_stream'),
      store.appendToStream(streamId, [newEvent()], 0n),
      store.appendToStream(streamId, [newEvent()], 1n),
    ]);
    expect(results.map((r) => r.nextExpectedRevision)).toEqual([0n, 1n, 2n]);
    expect((await store.readStream(streamId)).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
  });

  describe('shared by two stores, as two processes would share it', () => {
    // better-sqlite3 is synchronous, so in one process these appends take turns; what this shows
    // is that each store checks the revision on the file inside its write transaction rather than
    // trusting anything it remembers.
    it('lets only one of them win a conflicting append', async () => {
      const [first, second] = [openStore(), openStore()];
      const streamId = newStreamId();
      await first.appendToStream(streamId, [newEvent()], 'no_stream');

      await expect(second.appendToStream(streamId, [newEvent()], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      const results = await Promise.allSettled([
        first.appendToStream(streamId, [newEvent()], 0n),
        second.appendToStream(streamId, [newEvent()], 0n),
        second.appendToStream(streamId, [newEvent()], 0n),
        first.appendToStream(streamId, [newEvent()], 0n),
      ]);

      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect((await first.readStream(streamId)).map((e) => e.revision)).toEqual([0n, 1n]);
      expect(await second.readStream(streamId)).toEqual(await first.readStream(streamId));
    });

    it("folds the other's appends into a command's cached state, whether or not the stream was read whole", async () => {
      type Added = { type: 'Added'; data: { by: number } };
      const counter: Decider<{ by: number }, Added, number, unknown, void> = {
        initialState: () => 0,
        evolve: (total, event) => total + event.data.by,
        decide: (command) => [{ type: 'Added', data: { by: command.by } }],
      };
      const add = (store: SqliteEventStore, cache: StreamStateCache, streamId: string, by: number) =>
        handleCommand(store, streamId, counter, { by }, {
          metadata: { now: new Date().toISOString(), commandId: randomUUID() },
          context: undefined,
          schemaVersionOf: () => 1,
          cache,
        });
      const [mine, theirs] = [openStore(), openStore()];
      const [myCache, theirCache] = [new StreamStateCache(), new StreamStateCache()];
      const streamId = newStreamId();
      await add(mine, myCache, streamId, 1);
      // The whole stream is now also in my store's own recent-streams memory.
      await mine.readStream(streamId);
      await add(theirs, theirCache, streamId, 10);

      expect(await add(mine, myCache, streamId, 100)).toMatchObject({ state: 111, revision: 2n });
      expect(await add(theirs, theirCache, streamId, 1000)).toMatchObject({ state: 1111, revision: 3n });
      expect((await mine.readStream(streamId)).map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n]);
    });

    it("delivers one store's appends to the other's subscribers", async () => {
      const [writer, reader] = [openStore(), openStore()];
      const streamId = newStreamId();
      const received: RecordedEvent[] = [];
      const subscription = reader.subscribeToAll({
        onEvents: async (events) => {
          received.push(...events);
        },
      });

      const appended = [newEvent(), newEvent()];
      await writer.appendToStream(streamId, appended, 'no_stream');

      try {
        await waitFor(() => received.length === 2);
        expect(received.map((e) => e.id)).toEqual(appended.map((e) => e.id));
      } finally {
        await subscription.unsubscribe();
      }
    });
  });
});

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
