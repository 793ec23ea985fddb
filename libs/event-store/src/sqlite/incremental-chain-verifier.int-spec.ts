import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IncrementalChainVerifier } from '../chain/incremental-chain-verifier';
import { verifyEventStore } from '../chain/verify-event-store';
import { EventStore, NewEvent } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

/** The verifier behind verifyHistory, on a real file tampered with by straight SQL as in hash-chain.int-spec. */
describe('IncrementalChainVerifier on a SQLite store', () => {
  let dir: string;
  let filename: string;
  let store: SqliteEventStore;
  let reads: { after?: bigint }[];
  const [a, b] = ['action-a', 'action-b'];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'incremental-chain-'));
    filename = join(dir, 'events.sqlite');
    store = new SqliteEventStore({ filename });
    // Positions 1..6: a0 b0 a1 b1 a2 b2.
    for (const revision of [0, 1, 2]) {
      const expected = revision === 0 ? 'no_stream' : BigInt(revision - 1);
      await store.appendToStream(a, [event(revision)], expected);
      await store.appendToStream(b, [event(revision)], expected);
    }
    reads = [];
  });

  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** The store as the verifier sees it, noting where each page read starts. */
  const counted = (): EventStore =>
    Object.assign(Object.create(store), {
      readAll: (options: Parameters<EventStore['readAll']>[0]) => {
        reads.push({ after: options?.after });
        return store.readAll(options);
      },
    });

  function tamper(sql: string): void {
    const db = new Database(filename);
    db.exec('DROP TRIGGER IF EXISTS events_are_append_only_update; DROP TRIGGER IF EXISTS events_are_append_only_delete;');
    db.exec(sql);
    db.close();
  }

  it('hashes every event once, then only those appended since, with the same head a full check finds', async () => {
    const verifier = new IncrementalChainVerifier(counted(), { pageSize: 4 });
    expect(await verifier.verify()).toMatchObject({ ok: true, eventsChecked: 6, eventsHashed: 6, resumedAfter: undefined, head: { position: 6n } });

    await store.appendToStream(a, [event(3)], 2n);
    reads = [];
    const second = await verifier.verify({ streams: [b, 'action-none'] });
    expect(second).toMatchObject({ ok: true, eventsChecked: 7, streamsChecked: 2, eventsHashed: 1, resumedAfter: 6n, head: { position: 7n } });
    expect(reads[0].after).toBe(6n);
    expect(second.head).toEqual((await verifyEventStore(store)).head);
    expect(second.streamsHead).toEqual({ position: 6n, hash: (await store.readAll({ withHashes: true }))[5].globalHash });

    expect(await verifier.verify()).toMatchObject({ ok: true, eventsChecked: 7, eventsHashed: 0, resumedAfter: 7n });
  });

  it('names an edited new event, and an edit to an already-verified one when asked for a full check', async () => {
    const verifier = new IncrementalChainVerifier(store);
    await verifier.verify();
    await store.appendToStream(b, [event(3)], 2n);
    tamper(`UPDATE events SET data = json_set(data, '$.rag', 'GREEN') WHERE position = 7`);
    expect(await verifier.verify()).toMatchObject({ ok: false, eventsHashed: 1, firstBreak: { kind: 'EDITED', position: 7n, streamId: b } });

    tamper(`UPDATE events SET data = json_set(data, '$.rag', 'RED') WHERE position = 7; UPDATE events SET data = json_set(data, '$.rag', 'GREEN') WHERE position = 3`);
    // The break above was not remembered as verified, so this call starts over and finds the old edit.
    expect(await verifier.verify()).toMatchObject({ ok: false, eventsHashed: 7, firstBreak: { kind: 'EDITED', position: 3n, streamId: a } });
  });

  it('finds an old event edited after it was verified only in a full check, which is then kept to go on from', async () => {
    const verifier = new IncrementalChainVerifier(store);
    await verifier.verify();
    tamper(`UPDATE events SET data = json_set(data, '$.rag', 'GREEN') WHERE position = 3`);
    expect(await verifier.verify()).toMatchObject({ ok: true, eventsHashed: 0 });
    expect(await verifier.verify({ full: true })).toMatchObject({ ok: false, eventsHashed: 6, firstBreak: { kind: 'EDITED', position: 3n } });
    expect(await verifier.verify()).toMatchObject({ ok: false, eventsHashed: 6, resumedAfter: undefined });
  });

  it('names the newest verified event deleted once an event follows it, since it goes on from the chain it remembered', async () => {
    const verifier = new IncrementalChainVerifier(store);
    await verifier.verify();
    tamper('DELETE FROM events WHERE position = 6');
    await store.appendToStream(a, [event(3)], 2n);
    // The store chained the new event after position 5; the chain remembered ends at 6.
    expect(await verifier.verify()).toMatchObject({ ok: false, eventsHashed: 1, firstBreak: { kind: 'MISSING', position: 7n, streamId: a } });
  });

  it('checks heads copied earlier with a full pass, and reports them only to the caller who gave them', async () => {
    const verifier = new IncrementalChainVerifier(store);
    const head = (await verifier.verify()).head!;
    const withHead = await verifier.verify({ heads: [head] });
    expect(withHead).toMatchObject({ ok: true, eventsHashed: 6, heads: [{ position: 6n, matches: true }] });
    expect(await verifier.verify()).toMatchObject({ ok: true, eventsHashed: 0, heads: [] });
  });

  it('lets other work run between pages instead of holding the event loop for the whole check', async () => {
    const verifier = new IncrementalChainVerifier(store, { pageSize: 2 });
    let turns = 0;
    let done = false;
    const tick = () => {
      if (done) return;
      turns += 1;
      setImmediate(tick);
    };
    setImmediate(tick);
    await verifier.verify();
    done = true;
    // Six events in pages of two: a SQLite read resolves at once, so only the verifier's own pauses let the ticks in.
    expect(turns).toBeGreaterThanOrEqual(2);
  });

  it('runs concurrent calls one after another, so the second hashes nothing the first already did', async () => {
    const verifier = new IncrementalChainVerifier(store);
    const [first, second] = await Promise.all([verifier.verify(), verifier.verify()]);
    expect([first.eventsHashed, second.eventsHashed]).toEqual([6, 0]);
  });
});

function event(n: number): NewEvent {
  return { id: randomUUID(), type: 'ProgressReported', data: { n, rag: 'RED' }, metadata: { schemaVersion: 1, occurredAt: new Date().toISOString() } };
}
