import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { NewEvent } from '../event-store.port';
import { WriteOutcomeUnknownError } from '../event-store.errors';
import { verifyEventStore } from '../chain/verify-event-store';
import { createFreshDatabase, describeWithPostgres, FreshDatabase, testPostgresUrl } from '../../../../test/support/test-postgres';
import { PostgresEventStore } from './postgres-event-store';

/**
 * The append in one statement, checked on what it is for: a command that read its stream costs
 * one round trip, and a guess made stale by another instance costs a retry, never a wrong write.
 * Statements are counted on the real driver: every query a pooled client sends goes through Client#query.
 */
describeWithPostgres('PostgresEventStore appending in one statement', () => {
  let db: FreshDatabase;
  const stores: PostgresEventStore[] = [];
  const count = jest.spyOn(Client.prototype, 'query');

  beforeAll(async () => {
    db = await createFreshDatabase(testPostgresUrl()!);
  });

  afterAll(async () => {
    count.mockRestore();
    await Promise.all(stores.map((s) => s.close()));
    await db?.drop();
  });

  const open = async () => {
    const store = await PostgresEventStore.open({ connectionString: db.url, pollIntervalMs: 50 });
    stores.push(store);
    return store;
  };
  const statements = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const before = count.mock.calls.length;
    const result = await work();
    return [result, count.mock.calls.length - before];
  };

  it('appends a command that read its stream in one statement', async () => {
    const store = await open();
    await store.appendToStream(`one-${randomUUID()}`, [event()], 'no_stream');
    const streamId = `one-${randomUUID()}`;
    await store.readStream(streamId);

    const [created, onCreate] = await statements(() => store.appendToStream(streamId, [event(), event()], 'no_stream'));
    const [next, onNext] = await statements(() => store.appendToStream(streamId, [event()], 1n));

    expect([onCreate, onNext]).toEqual([1, 1]);
    expect(created.nextExpectedRevision).toBe(1n);
    expect(next).toEqual({ nextExpectedRevision: 2n, position: created.position + 1n });
    expect((await store.readStream(streamId)).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
  });

  it('chains onto the head another instance moved, in a second statement', async () => {
    const [mine, theirs] = [await open(), await open()];
    const streamId = `moved-${randomUUID()}`;
    await mine.appendToStream(streamId, [event()], 'no_stream');
    const { position } = await theirs.appendToStream(`moved-${randomUUID()}`, [event()], 'no_stream');

    const [appended, sentHere] = await statements(() => mine.appendToStream(streamId, [event()], 0n));

    expect(sentHere).toBe(2);
    expect(appended).toEqual({ nextExpectedRevision: 1n, position: position + 1n });
    expect((await verifyEventStore(mine)).ok).toBe(true);
  });

  it("chains onto a stream's newest event when another instance appended to it", async () => {
    const [mine, theirs] = [await open(), await open()];
    const streamId = `tip-${randomUUID()}`;
    await mine.appendToStream(streamId, [event()], 'no_stream');
    await theirs.readStream(streamId);
    await theirs.appendToStream(streamId, [event()], 0n);
    // Mine catches up with the head on another stream, so only the stream's tip is stale.
    await mine.appendToStream(`tip-${randomUUID()}`, [event()], 'no_stream');

    const [appended, sentHere] = await statements(() => mine.appendToStream(streamId, [event()], 'any'));

    expect(sentHere).toBe(2);
    expect(appended.nextExpectedRevision).toBe(2n);
    expect((await mine.readStream(streamId)).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
    expect((await verifyEventStore(mine)).ok).toBe(true);
  });

  it('refuses only the append that repeats an event id, and appends the rest of its batch', async () => {
    const store = await open();
    const repeated = event();
    await store.appendToStream(`dup-${randomUUID()}`, [repeated], 'no_stream');
    const [a, b] = [`dup-${randomUUID()}`, `dup-${randomUUID()}`];
    await Promise.all([store.readStream(a), store.readStream(b)]);

    // Both arrive while another append commits, so they share the next statement.
    const [, first, second] = await Promise.allSettled([
      store.appendToStream(`dup-${randomUUID()}`, [event()], 'no_stream'),
      store.appendToStream(a, [repeated], 'no_stream'),
      store.appendToStream(b, [event()], 'no_stream'),
    ]);

    expect(first).toMatchObject({ status: 'rejected', reason: { code: '23505' } });
    expect(second).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0n } });
    expect(await store.readStream(a)).toEqual([]);
    expect((await verifyEventStore(store)).ok).toBe(true);
  });

  it('says the outcome is unknown when the connection is lost during the statement, and appends again afterwards', async () => {
    const store = await open();
    const streamId = `lost-${randomUUID()}`;
    await store.appendToStream(streamId, [event()], 'no_stream');
    // Another session holds the head's lock, so the statement is in flight when its connection is cut.
    const holder = new Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM send_events.event_log_head WHERE id = 1 FOR UPDATE');
      const append = store.appendToStream(streamId, [event()], 0n);
      let pid: number | undefined;
      for (let i = 0; i < 500 && pid === undefined; i++) {
        pid = (await holder.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%tips_hold%'")).rows[0]?.pid;
        if (pid === undefined) await new Promise((r) => setTimeout(r, 10));
      }
      expect(pid).toBeDefined();
      await holder.query('SELECT pg_terminate_backend($1)', [pid]);
      await expect(append).rejects.toBeInstanceOf(WriteOutcomeUnknownError);
      await holder.query('ROLLBACK');
    } finally {
      await holder.end();
    }

    await expect(store.appendToStream(streamId, [event()], 0n)).resolves.toMatchObject({ nextExpectedRevision: 1n });
    expect((await verifyEventStore(store)).ok).toBe(true);
  });
});

function event(): NewEvent {
  return { id: randomUUID(), type: 'ThingHappened', data: { at: new Date().toISOString() }, metadata: { schemaVersion: 1, occurredAt: new Date().toISOString() } };
}
