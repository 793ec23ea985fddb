import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent, PostgresEventStore, SqliteEventStore, verifyEventStore } from '@send/event-store';
import { runCli } from './support/run-cli';
import { createFreshDatabase, describeWithPostgres, FreshDatabase, testPostgresUrl } from './support/test-postgres';

/** `npm run migrate-events …` as a real process, from the sources. */
async function migrate(...args: string[]): Promise<{ code: number; out: string }> {
  const { code, output } = await runCli('migrate-events', args);
  return { code, out: output };
}

const event = (n: number): NewEvent => ({ id: randomUUID(), type: 'ThingHappened', data: { n, text: `Event ${n}, with “quotes” and é` }, metadata: { schemaVersion: 1, occurredAt: new Date().toISOString() } });

/** `npm run migrate-events`: a history copied from SQLite into an empty PostgreSQL store, event for event. */
describeWithPostgres('Migrating a history from SQLite into PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'send-migrate-'));
  const file = join(dir, 'events.sqlite');
  const databases: FreshDatabase[] = [];
  const fresh = async () => {
    const db = await createFreshDatabase(testPostgresUrl()!);
    databases.push(db);
    return db;
  };

  beforeAll(async () => {
    const store = new SqliteEventStore({ filename: file });
    for (let s = 0; s < 30; s++) {
      const streamId = `plan-migrate-${s}`;
      await store.appendToStream(streamId, [event(s), event(s + 100)], 'no_stream');
      await store.appendToStream(streamId, [event(s + 200)], 1n);
    }
    await store.close();
  });

  afterAll(async () => {
    await Promise.all(databases.map((db) => db.drop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every event with its position and hashes, so the copy verifies and ends at the same head', async () => {
    const db = await fresh();
    const result = await migrate('--from', `sqlite:${file}`, '--to', `postgres:${db.url}`);
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toContain('Copied 90 events');

    const source = new SqliteEventStore({ filename: file });
    const target = await PostgresEventStore.open({ connectionString: db.url });
    try {
      const [from, to] = await Promise.all([source.readAll({ withHashes: true }), target.readAll({ withHashes: true })]);
      expect(to).toEqual(from);
      expect(await target.head()).toEqual(await source.head());
      const [a, b] = await Promise.all([verifyEventStore(source), verifyEventStore(target)]);
      expect(b).toMatchObject({ ok: true, head: a.head });
      expect(result.out).toContain(`head: ${a.head!.position}:${a.head!.hash}`);
      // The copy takes new writes and chains them on.
      await target.appendToStream('plan-migrate-0', [event(999)], 2n);
      expect((await verifyEventStore(target)).ok).toBe(true);
    } finally {
      await source.close();
      await target.close();
    }
  }, 60_000);

  it('refuses a target that already holds events, and writes nothing', async () => {
    const db = await fresh();
    const target = await PostgresEventStore.open({ connectionString: db.url });
    await target.appendToStream('plan-already-here', [event(1)], 'no_stream');
    const before = await target.head();
    try {
      const result = await migrate('--from', `sqlite:${file}`, '--to', `postgres:${db.url}`);
      expect(result.code).toBe(3);
      expect(result.out).toContain('already holds 1 events');
      expect(await target.head()).toEqual(before);
    } finally {
      await target.close();
    }
  }, 60_000);

  it('refuses a source whose history does not verify, and writes nothing', async () => {
    const broken = join(dir, 'broken.sqlite');
    const db0 = new Database(file, { readonly: true });
    await db0.backup(broken);
    db0.close();
    const edit = new Database(broken);
    edit.exec('DROP TRIGGER IF EXISTS events_are_append_only_update');
    edit.prepare("UPDATE events SET data = json_set(data, '$.n', 7) WHERE position = 10").run();
    edit.close();
    const db = await fresh();
    const result = await migrate('--from', `sqlite:${broken}`, '--to', `postgres:${db.url}`);
    expect(result.code).toBe(4);
    expect(result.out).toContain('the source history does not verify (EDITED at position 10)');
    const target = await PostgresEventStore.open({ connectionString: db.url });
    try {
      expect(await target.head()).toBeUndefined();
    } finally {
      await target.close();
    }
  }, 60_000);

  it('says how to call it when an option is wrong', async () => {
    const result = await migrate('--from', file, '--to', 'postgres:nowhere');
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/--from must start with sqlite: or postgres:.*Usage: npm run migrate-events/);
  });
});
