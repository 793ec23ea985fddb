import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { NewEvent, RecordedEvent } from '../event-store.port';
import { verifyEventStore } from '../chain/verify-event-store';
import { createFreshDatabase, describeWithPostgres, FreshDatabase, testPostgresUrl } from '../../../../test/support/test-postgres';
import { PostgresEventStore } from './postgres-event-store';

let database: FreshDatabase | undefined;

describeWithPostgres('PostgresEventStore', () => {
  describeEventStoreContract(
    'PostgresEventStore',
    async () => {
      database = await createFreshDatabase(testPostgresUrl()!);
      return PostgresEventStore.open({ connectionString: database.url, pollIntervalMs: 200 });
    },
    async () => database?.drop(),
  );
});

describeWithPostgres('PostgresEventStore under concurrent writers with delayed commits', () => {
  let db: FreshDatabase;
  const stores: PostgresEventStore[] = [];

  beforeAll(async () => {
    db = await createFreshDatabase(testPostgresUrl()!);
  });

  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await db?.drop();
  });

  it('lets a catch-up subscriber see every event exactly once, in position order, while commits land out of step', async () => {
    // Four writers, each a pool of its own as separate api instances would be, each commit held
    // back for a random while after it has taken its positions (a trigger on the head row, so both
    // the one-statement append and the locked transaction are held): with positions from a
    // sequence, a later position would often commit first and a reader would move past the
    // earlier one before it appeared.
    const writers = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const store = await PostgresEventStore.open({ connectionString: db.url, pollIntervalMs: 20 });
        stores.push(store);
        return store;
      }),
    );
    await holdCommitsBack(db.url);
    const reader = await PostgresEventStore.open({ connectionString: db.url, pollIntervalMs: 5 });
    stores.push(reader);
    const seen: RecordedEvent[] = [];
    const subscription = reader.subscribeToAll({ onEvents: async (events) => void seen.push(...events) });

    const streams = Array.from({ length: 24 }, () => `gap-${randomUUID()}`);
    const appended: string[] = [];
    await Promise.all(
      streams.map(async (streamId, i) => {
        const writer = writers[i % writers.length];
        for (let revision = -1; revision < 9; revision += 1) {
          const events = [event(), event()];
          await writer.appendToStream(streamId, events, revision === -1 ? 'no_stream' : BigInt(revision * 2 + 1));
          appended.push(...events.map((e) => e.id));
        }
      }),
    );
    const deadline = Date.now() + 10_000;
    while (seen.length < appended.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await subscription.unsubscribe();

    expect(appended).toHaveLength(24 * 10 * 2);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    expect(seen.map((e) => e.id).sort()).toEqual([...appended].sort());
    seen.slice(1).forEach((e, i) => expect(e.position).toBeGreaterThan(seen[i].position));
    // Positions are dense: handed out one after another under the head row's lock.
    expect(seen.at(-1)!.position - seen[0].position).toBe(BigInt(seen.length - 1));
    expect((await verifyEventStore(reader)).ok).toBe(true);
  }, 60_000);
});

/** Every append sleeps up to 15 ms between moving the head and committing. */
async function holdCommitsBack(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE FUNCTION send_events.hold_commit_back() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(random() * 0.015); RETURN NULL; END $$`);
    await client.query('CREATE TRIGGER hold_commit_back AFTER UPDATE ON send_events.event_log_head FOR EACH ROW EXECUTE FUNCTION send_events.hold_commit_back()');
  } finally {
    await client.end();
  }
}

function event(): NewEvent {
  return { id: randomUUID(), type: 'ThingHappened', data: { at: new Date().toISOString() }, metadata: { schemaVersion: 1, occurredAt: new Date().toISOString() } };
}
