import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent } from '../event-store.port';
import { WAL_SIZE_BOUND_BYTES, WAL_SIZE_LIMIT_BYTES, writeAheadLogSize } from './background-checkpointer';
import { SqliteEventStore } from './sqlite-event-store';

const APPENDS = 6_000;

const event = (n: number): NewEvent => ({
  id: `wal-bound-${n}`,
  type: 'ProgressReported',
  data: { n, rag: 'AMBER', asAt: '2026-06-01', commentary: `Round ${n}: forecast gap narrowed after the top-up review; the sufficiency pipeline for 2026/27 holds at 128 places. `.repeat(3) },
  metadata: { schemaVersion: 1, occurredAt: '2026-06-01T09:00:00.000Z' },
});

describe('The event store’s write-ahead log stays bounded while the store is written', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wal-bound-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
  });

  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it(`stays under the documented bound through ${APPENDS} appends read back as they come, and shrinks to the limit once quiet`, async () => {
    const file = join(dir, 'events.sqlite');
    let largest = 0;
    let read = 0;
    // A subscriber reading as the projections do, so readers as well as the writer hold the log.
    const subscription = store.subscribeToAll({ onEvents: async (events) => void (read += events.length) });
    try {
      for (let n = 0; n < APPENDS; n++) {
        await store.appendToStream(`action-${n % 50}`, [event(n)], 'any');
        if (n % 25 === 0) largest = Math.max(largest, writeAheadLogSize(file));
        // The event loop turns, so the subscriber and the checkpoint thread run between appends, as under a real load.
        if (n % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      await subscription.unsubscribe();
    }
    expect(read).toBeGreaterThan(0);
    expect(largest).toBeLessThanOrEqual(WAL_SIZE_BOUND_BYTES);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(writeAheadLogSize(file)).toBeLessThanOrEqual(WAL_SIZE_LIMIT_BYTES);
  }, 120_000);
});
