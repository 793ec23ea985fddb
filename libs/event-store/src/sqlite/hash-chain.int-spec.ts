import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainHead } from '../chain/chain-verifier';
import { verifyEventStore } from '../chain/verify-event-store';
import { NewEvent } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

/**
 * Tampering as someone with write access to the file would do it: straight SQL on the file,
 * with the append-only triggers dropped first.
 */
describe('SqliteEventStore hash chains against tampering with the file', () => {
  let dir: string;
  let filename: string;
  const [a, b] = ['action-a', 'action-b'];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hash-chain-'));
    filename = join(dir, 'events.sqlite');
    // Positions 1..6: a0 b0 a1 b1 a2 b2.
    const store = new SqliteEventStore({ filename });
    for (const revision of [0, 1, 2]) {
      const expected = revision === 0 ? 'no_stream' : BigInt(revision - 1);
      await store.appendToStream(a, [event(revision)], expected);
      await store.appendToStream(b, [event(revision)], expected);
    }
    await store.close();
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  function tamper(sql: string): void {
    const db = new Database(filename);
    db.exec('DROP TRIGGER events_are_append_only_update; DROP TRIGGER events_are_append_only_delete;');
    db.exec(sql);
    db.close();
  }

  async function verify(heads: ChainHead[] = []) {
    const store = new SqliteEventStore({ filename });
    try {
      return await verifyEventStore(store, { heads });
    } finally {
      await store.close();
    }
  }

  it('finds nothing wrong in an untouched store', async () => {
    expect(await verify()).toMatchObject({ ok: true, eventsChecked: 6, streamsChecked: 2, head: { position: 6n } });
  });

  it('names an edited event by position, stream and revision', async () => {
    tamper(`UPDATE events SET data = json_set(data, '$.rag', 'GREEN') WHERE position = 3`);

    expect((await verify()).firstBreak).toMatchObject({ kind: 'EDITED', position: 3n, streamId: a, revision: 1n, message: expect.stringContaining('edited') });
  });

  it('names an edit to the recorded time or the type, not only the data', async () => {
    tamper(`UPDATE events SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE position = 4`);
    expect((await verify()).firstBreak).toMatchObject({ kind: 'EDITED', position: 4n, streamId: b, revision: 1n });
  });

  it('names a deleted event: the global chain breaks right after it', async () => {
    tamper('DELETE FROM events WHERE position = 3');

    const { firstBreak } = await verify();

    expect(firstBreak).toMatchObject({ kind: 'MISSING', position: 4n, streamId: b, revision: 1n });
    expect(firstBreak!.message).toMatch(/does not follow from the event before it \(position 2\).*missing \(deleted\)/);
  });

  it('names a deleted event when the later positions were moved down to hide the gap', async () => {
    tamper('DELETE FROM events WHERE position = 4; UPDATE events SET position = 4 WHERE position = 5;');
    expect((await verify()).firstBreak).toMatchObject({ kind: 'MISSING', position: 4n, streamId: a });
  });

  it('names events of different streams swapped in the global order', async () => {
    tamper('UPDATE events SET position = -1 WHERE position = 3; UPDATE events SET position = 3 WHERE position = 4; UPDATE events SET position = 4 WHERE position = -1;');

    const { firstBreak } = await verify();

    expect(firstBreak).toMatchObject({ kind: 'REORDERED', position: 3n, streamId: b, revision: 1n });
    expect(firstBreak!.message).toContain('recorded after the event now at position 4');
  });

  it('names events of one stream swapped with each other', async () => {
    tamper('UPDATE events SET position = -1 WHERE position = 3; UPDATE events SET position = 3 WHERE position = 5; UPDATE events SET position = 5 WHERE position = -1;');
    expect((await verify()).firstBreak).toMatchObject({ kind: 'REORDERED', position: 3n, streamId: a, revision: 2n });
  });

  it('cannot see the newest events cut off, or the whole chain recomputed, without a head copied earlier; with one it can', async () => {
    const before = (await verify()).head!;
    tamper('DELETE FROM events WHERE position = 6');
    expect((await verify()).ok).toBe(true);
    expect((await verify([before])).firstBreak).toMatchObject({ kind: 'MISSING', position: 6n });

    // Edit, then strip the chain columns so that opening the file chains it afresh: a forgery.
    tamper(`UPDATE events SET data = json_set(data, '$.rag', 'GREEN') WHERE position = 3;
      ALTER TABLE events DROP COLUMN hash; ALTER TABLE events DROP COLUMN previous_hash; ALTER TABLE events DROP COLUMN global_hash;
      ALTER TABLE streams DROP COLUMN hash;`);
    const forged = await verify();
    expect(forged.ok).toBe(true);
    const fifth = await verify([{ position: 5n, hash: before.hash }]);
    expect(fifth.firstBreak).toMatchObject({ kind: 'HEAD_MISMATCH', position: 5n });
  });

  it('re-reads the global head when another process appended in between', async () => {
    const [first, second] = [new SqliteEventStore({ filename }), new SqliteEventStore({ filename })];
    try {
      await first.appendToStream(a, [event(3)], 2n);
      await second.appendToStream(b, [event(3)], 2n);
      await first.appendToStream(a, [event(4)], 3n);
      await second.appendToStream(b, [event(4)], 3n);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
    expect(await verify()).toMatchObject({ ok: true, eventsChecked: 10 });
  });
});

function event(n: number): NewEvent {
  return { id: randomUUID(), type: 'ProgressReported', data: { n, rag: 'RED' }, metadata: { schemaVersion: 1, occurredAt: new Date().toISOString() } };
}

/** The schema of the release before hash chains, verbatim, and rows as that release wrote them. */
const PREVIOUS_RELEASE_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position        INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id        TEXT    NOT NULL UNIQUE,
  stream_id       TEXT    NOT NULL,
  stream_revision INTEGER NOT NULL,
  type            TEXT    NOT NULL,
  data            TEXT    NOT NULL,
  metadata        TEXT    NOT NULL,
  recorded_at     TEXT    NOT NULL,
  UNIQUE (stream_id, stream_revision)
);
CREATE TABLE IF NOT EXISTS streams (
  stream_id TEXT    PRIMARY KEY,
  revision  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS events_are_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_are_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
`;

describe('SqliteEventStore opening a file written by the previous release', () => {
  let dir: string;
  let filename: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hash-chain-migration-'));
    filename = join(dir, 'events.sqlite');
    const db = new Database(filename);
    db.pragma('journal_mode = WAL');
    db.exec(PREVIOUS_RELEASE_SCHEMA);
    const insert = db.prepare('INSERT INTO events (event_id, stream_id, stream_revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const revisions = new Map<string, number>();
    for (const [i, streamId] of ['plan-1', 'action-1', 'action-1', 'action-2', 'action-1'].entries()) {
      const revision = (revisions.get(streamId) ?? -1) + 1;
      revisions.set(streamId, revision);
      insert.run(randomUUID(), streamId, revision, 'ProgressReported', JSON.stringify({ n: i, z: 'last', a: 'first' }), JSON.stringify({ schemaVersion: 1, occurredAt: '2025-06-01T09:00:00.000Z' }), `2025-06-01T09:00:0${i}.000Z`);
    }
    for (const [streamId, revision] of revisions) db.prepare('INSERT INTO streams (stream_id, revision) VALUES (?, ?)').run(streamId, revision);
    db.close();
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  const columns = (table: string) => {
    const db = new Database(filename, { readonly: true });
    try {
      return (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);
    } finally {
      db.close();
    }
  };

  it('chains the existing events once, keeps them append-only, and goes on chaining new ones', async () => {
    const store = new SqliteEventStore({ filename });
    try {
      const old = await store.readAll({ withHashes: true });
      expect(old.map((e) => e.position)).toEqual([1n, 2n, 3n, 4n, 5n]);
      expect(old.every((e) => /^[0-9a-f]{64}$/.test(e.hash!) && /^[0-9a-f]{64}$/.test(e.globalHash!))).toBe(true);
      expect(old[2].previousHash).toBe(old[1].hash);

      await store.appendToStream('action-1', [event(9)], 2n);
      await store.appendToStream('action-3', [event(10)], 'no_stream');
      const verification = await verifyEventStore(store);
      expect(verification).toMatchObject({ ok: true, eventsChecked: 7, streamsChecked: 4 });
      expect((await store.readStream('action-1'))[3].previousHash).toBe(old[4].hash);
    } finally {
      await store.close();
    }
    const raw = new Database(filename);
    expect(() => raw.prepare('UPDATE events SET type = ? WHERE position = 1').run('Rewritten')).toThrow(/append-only/);
    raw.close();

    const reopened = new SqliteEventStore({ filename });
    try {
      expect((await verifyEventStore(reopened)).ok).toBe(true);
    } finally {
      await reopened.close();
    }
  });

  it('leaves the file as it was when chaining fails part-way', () => {
    const db = new Database(filename);
    db.exec("DROP TRIGGER events_are_append_only_update; UPDATE events SET data = '{not json' WHERE position = 4;");
    db.exec(PREVIOUS_RELEASE_SCHEMA);
    db.close();

    expect(() => new SqliteEventStore({ filename })).toThrow(SyntaxError);

    expect(columns('events')).not.toContain('hash');
    expect(columns('streams')).not.toContain('hash');
    const raw = new Database(filename);
    expect(() => raw.prepare('UPDATE events SET type = ? WHERE position = 1').run('Rewritten')).toThrow(/append-only/);
    raw.close();
  });
});
