import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { currentVersionOf } from '@send/domain';
import { SqliteEventStore, upcastOnRead, WAL_SIZE_BOUND_BYTES, WAL_SIZE_LIMIT_BYTES, writeAheadLogSize } from '@send/event-store';
import { defaultProjections } from './default-projections';
import { ProjectionRunner } from './projection/projection-runner';
import { openReadDatabase } from './read-database';

const BATCHES = 4_000;

describe('The SQLite read database’s write-ahead log stays bounded while projections write it', () => {
  let dir: string;
  let dataSource: DataSource;
  const store = upcastOnRead(new SqliteEventStore({ filename: ':memory:', pollIntervalMs: 20 }), currentVersionOf);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'read-wal-'));
    dataSource = await openReadDatabase({ type: 'sqlite', filename: join(dir, 'read-models.sqlite') });
  });

  afterAll(async () => {
    await store.close();
    await dataSource.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it(`stays under the documented bound through ${BATCHES} projection batches, and shrinks to the limit once quiet`, async () => {
    const file = join(dir, 'read-models.sqlite');
    const runner = new ProjectionRunner(store, dataSource, defaultProjections());
    await runner.start();
    let largest = 0;
    try {
      for (let n = 0; n < BATCHES; n++) {
        const userId = `case-officer-${n % 400}`;
        const { position } = await store.appendToStream(
          `user-${userId}`,
          [
            {
              id: randomUUID(),
              type: 'UserRegistered',
              data: { userId, displayName: `Case officer ${n}, SEND Assessment and Review, re-registered after the EHCP team restructure`, ownerId: `owner-${n}` },
              metadata: { schemaVersion: 1, occurredAt: '2026-01-05T09:00:00.000Z' },
            },
          ],
          'any',
        );
        // One batch per append, each its own commit, as a steady trickle of commands makes them.
        await runner.waitForPosition(position);
        if (n % 20 === 0) largest = Math.max(largest, writeAheadLogSize(file));
      }
    } finally {
      await runner.stop();
    }
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThanOrEqual(WAL_SIZE_BOUND_BYTES);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(writeAheadLogSize(file)).toBeLessThanOrEqual(WAL_SIZE_LIMIT_BYTES);
  }, 120_000);
});
