import { randomUUID } from 'node:crypto';
import { IncrementalChainVerifier } from '../chain/incremental-chain-verifier';
import { verifyEventStore } from '../chain/verify-event-store';
import { NewEvent, RecordedEvent } from '../event-store.port';
import { Decider, handleCommand } from '../handle-command';
import { foldStream } from '../fold-stream';
import { StreamStateCache } from '../stream-state-cache';
import { UpcastingEventStore, upcastOnRead } from '../upcasting-event-store';
import { SqliteEventStore } from './sqlite-event-store';

// A counter whose events were once stored as { step } (version 1) and are now { by } (version 2).
type Added = { type: 'Added'; data: { by: number } };
const counter: Decider<{ by: number }, Added, number, unknown, void> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.data.by,
  decide: (command) => [{ type: 'Added', data: { by: command.by } }],
};

const v1 = (step: number, commandId = randomUUID()): NewEvent => ({
  id: randomUUID(),
  type: 'Added',
  data: { step },
  metadata: { schemaVersion: 1, occurredAt: '2026-01-05T10:00:00.000Z', commandId },
});

describe('UpcastingEventStore over the SQLite store', () => {
  let stored: SqliteEventStore;
  let store: UpcastingEventStore;
  let lifted: RecordedEvent[];

  /** Lifts version 1 and remembers every event it lifted, so a test can count the lifts. */
  const upcast = (event: RecordedEvent): RecordedEvent => {
    if (event.metadata.schemaVersion !== 1) return event;
    lifted.push(event);
    return { ...event, data: { by: event.data.step }, metadata: { ...event.metadata, schemaVersion: 2 } };
  };

  beforeEach(() => {
    lifted = [];
    stored = new SqliteEventStore({ filename: ':memory:', pollIntervalMs: 10 });
    store = upcastOnRead(stored, upcast);
  });

  afterEach(() => store.close());

  const command = (streamId: string, by: number, cache?: StreamStateCache) =>
    handleCommand(store, streamId, counter, { by }, { metadata: { now: '2026-02-01T10:00:00.000Z', commandId: randomUUID() }, context: undefined, schemaVersionOf: () => 2, cache });

  it('reads a stream, the log and a subscription lifted, and leaves the stored events as they were', async () => {
    const streamId = `counter-${randomUUID()}`;
    await store.appendToStream(streamId, [v1(2), v1(3)], 'no_stream');

    expect((await store.readStream(streamId)).map((e) => e.data)).toEqual([{ by: 2 }, { by: 3 }]);
    expect((await store.readAll()).map((e) => [e.data, e.metadata.schemaVersion])).toEqual([
      [{ by: 2 }, 2],
      [{ by: 3 }, 2],
    ]);
    const delivered = await new Promise<RecordedEvent[]>((resolve) => {
      const subscription = store.subscribeToAll({ onEvents: async (events) => void subscription.unsubscribe().then(() => resolve(events)) });
    });
    expect(delivered.map((e) => e.data)).toEqual([{ by: 2 }, { by: 3 }]);
    expect((await stored.readStream(streamId)).map((e) => [e.data, e.metadata.schemaVersion])).toEqual([
      [{ step: 2 }, 1],
      [{ step: 3 }, 1],
    ]);
  });

  it('lifts each stored event once per read, and the command path folds what it was given', async () => {
    const streamId = `counter-${randomUUID()}`;
    await store.appendToStream(streamId, [v1(2), v1(3), v1(4)], 'no_stream');

    const result = await command(streamId, 1);
    expect(result.state).toBe(10);
    expect(lifted).toHaveLength(3);

    lifted = [];
    expect((await foldStream(store, streamId, counter)).state).toBe(10);
    expect(lifted).toHaveLength(3);

    // A cached fold reads only what was appended since: nothing to lift.
    const cache = new StreamStateCache();
    await foldStream(store, streamId, counter, cache);
    lifted = [];
    expect((await command(streamId, 5, cache)).state).toBe(15);
    expect(lifted).toHaveLength(0);
  });

  it('gives reads with the hash chain as stored, so verification hashes what was stored', async () => {
    await store.appendToStream(`counter-${randomUUID()}`, [v1(2)], 'no_stream');
    await command(`counter-${randomUUID()}`, 7);

    expect((await store.readAll({ withHashes: true }))[0]).toMatchObject({ data: { step: 2 }, metadata: { schemaVersion: 1 } });
    expect(await verifyEventStore(store)).toMatchObject({ ok: true, eventsChecked: 2 });
    expect(await new IncrementalChainVerifier(store).verify({ full: true })).toMatchObject({ ok: true, eventsChecked: 2 });
  });

  it('is configured once: wrapping an upcasting store again gives it back, so nothing is lifted twice', async () => {
    expect(upcastOnRead(store, upcast)).toBe(store);
    const streamId = `counter-${randomUUID()}`;
    await store.appendToStream(streamId, [v1(2)], 'no_stream');
    await upcastOnRead(store, upcast).readStream(streamId);
    expect(lifted).toHaveLength(1);
  });
});
