import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { RecordedEvent } from '../event-store.port';
import { BrokenHistoryError, ChainIntegrity, HistoryWritesRefusedError } from './chain-integrity';
import { VerifyingEventStore } from './verifying-event-store';

const T0 = '2026-06-15T09:00:00.000Z';
const newEvent = (n: number) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, type: 'ProgressReported', data: { rag: 'RED', n }, metadata: { schemaVersion: 1, occurredAt: T0 } });

/** A store whose reads give back whatever the test hands it: events as a tampered file would hold them. */
function storeGiving(stream: RecordedEvent[], log: RecordedEvent[] = stream) {
  const forgotten: number[] = [];
  const stored = {
    appendToStream: async () => ({ nextExpectedRevision: 0n, position: 1n }),
    readStream: async () => stream.map((e) => ({ ...e })),
    readAll: async () => log.map((e) => ({ ...e })),
    subscribeToAll: () => ({ close: async () => undefined }),
    headPosition: async () => undefined,
    head: async () => undefined,
    forgetCachedReads: () => void forgotten.push(1),
    close: async () => undefined,
  } as unknown as SqliteEventStore;
  return { stored, forgotten };
}

describe('VerifyingEventStore', () => {
  let sqlite: SqliteEventStore;
  let recorded: RecordedEvent[];

  beforeAll(async () => {
    sqlite = new SqliteEventStore({ filename: ':memory:' });
    await sqlite.appendToStream('action-a1', [newEvent(1), newEvent(2), newEvent(3)], 'no_stream');
    await sqlite.appendToStream('action-b2', [newEvent(4)], 'no_stream');
    recorded = await sqlite.readAll({ withHashes: true });
  });

  afterAll(() => sqlite.close());

  const verifying = (stored: SqliteEventStore, integrity = new ChainIntegrity()) =>
    new VerifyingEventStore(stored, integrity, { allowedWhileBroken: (id) => id === 'history-break-1-edited', now: () => T0 });
  const ofA = () => recorded.filter((e) => e.streamId === 'action-a1');

  it('passes a stream and a page of the log that match their hashes, and breaks nothing', async () => {
    const integrity = new ChainIntegrity();
    const store = verifying(sqlite, integrity);
    expect(await store.readStream('action-a1')).toHaveLength(3);
    expect(await store.readAll()).toHaveLength(4);
    expect(integrity.isBroken()).toBe(false);
  });

  it('refuses a read of an edited event, naming it, and reports the break', async () => {
    const integrity = new ChainIntegrity();
    const [first, second, third] = ofA();
    const { stored } = storeGiving([first, { ...second, data: { rag: 'GREEN', n: 2 } }, third]);
    const error = await verifying(stored, integrity).readStream('action-a1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrokenHistoryError);
    expect((error as BrokenHistoryError).found).toMatchObject({ kind: 'EDITED', position: second.position, streamId: 'action-a1', revision: 1n, eventId: second.id });
    expect(integrity.snapshot()).toMatchObject({ status: 'BROKEN', firstBreak: { kind: 'EDITED', position: second.position }, lastCheckedAt: T0 });
  });

  it('refuses a stream with a revision missing, and one whose event was replaced by another with its own valid hash', async () => {
    const [first, second, third] = ofA();
    const gap = await verifying(storeGiving([first, third]).stored).readStream('action-a1').catch((e: unknown) => e);
    expect((gap as BrokenHistoryError).found).toMatchObject({ kind: 'MISSING', position: third.position });
    const other = recorded.find((e) => e.streamId === 'action-b2')!;
    // A whole event swapped for another (valid on its own) breaks the link the next one was chained to.
    const replaced = { ...other, streamId: 'action-a1', revision: second.revision };
    const swapped = await verifying(storeGiving([first, replaced, third]).stored).readStream('action-a1').catch((e: unknown) => e);
    expect((swapped as BrokenHistoryError).found.kind).toBe('EDITED');
  });

  it('refuses a page of the log whose global chain does not follow (an event deleted or moved) and an event without a hash', async () => {
    const [first, , third] = recorded;
    const page = await verifying(storeGiving([], [first, third]).stored).readAll().catch((e: unknown) => e);
    expect((page as BrokenHistoryError).found).toMatchObject({ kind: 'MISSING', position: third.position });
    const unchained = await verifying(storeGiving([{ ...first, hash: undefined }]).stored).readStream('action-a1').catch((e: unknown) => e);
    expect((unchained as BrokenHistoryError).found.kind).toBe('UNCHAINED');
  });

  it('refuses writes over an unacknowledged break, except the break record, and writes once it is acknowledged', async () => {
    const integrity = new ChainIntegrity();
    const store = verifying(sqlite, integrity);
    integrity.broken({ kind: 'EDITED', position: 1n, message: 'edited' }, T0);
    const head = await sqlite.headPosition();
    await expect(store.appendToStream('action-b2', [newEvent(5)], 0n)).rejects.toBeInstanceOf(HistoryWritesRefusedError);
    expect(await sqlite.headPosition()).toBe(head);
    await store.appendToStream('history-break-1-edited', [newEvent(6)], 'no_stream');
    integrity.acknowledged({ reason: 'Restoring tonight.', acknowledgedBy: 'office', acknowledgedAt: T0 });
    await store.appendToStream('action-b2', [newEvent(7)], 0n);
    expect(await sqlite.headPosition()).toBe(head! + 2n);
  });

  it('has the store beneath forget what it cached once a broken history verifies again', () => {
    const integrity = new ChainIntegrity();
    const { stored, forgotten } = storeGiving([]);
    verifying(stored, integrity);
    integrity.verified(undefined, T0);
    expect(forgotten).toHaveLength(0);
    integrity.broken({ kind: 'EDITED', position: 1n, message: 'edited' }, T0);
    integrity.verified(undefined, T0);
    expect(forgotten).toHaveLength(1);
  });
});
