import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyEventStore } from '../chain/verify-event-store';
import { NewEvent } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';
import { snapshotSqliteFile } from './sqlite-snapshot';

const event = (n: number): NewEvent => ({
  id: `snapshot-${n}`,
  type: 'ProgressReported',
  data: { n, commentary: 'Forecast gap narrowed after the top-up review.' },
  metadata: { schemaVersion: 1, occurredAt: '2026-06-01T09:00:00.000Z' },
});

describe('snapshotSqliteFile: one consistent copy of a store that is being written', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sqlite-snapshot-'));
    // No background checkpoints: the appends stay in the write-ahead log, where a copy of the file alone would miss them.
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), backgroundCheckpoints: false });
  });

  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('copies every append committed before it, as a prefix whose chains hold, while appends go on', async () => {
    for (let n = 0; n < 200; n += 1) await store.appendToStream(`stream-${n % 7}`, [event(n)], 'any');
    const committedBefore = (await store.headPosition())!;
    let stop = false;
    let n = 200;
    const writer = (async () => {
      while (!stop) {
        await store.appendToStream(`stream-${n % 7}`, [event(n++)], 'any');
        // Appends settle as microtasks; a turn of the event loop lets the snapshot's thread report back.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const appendsBefore = n;
    await snapshotSqliteFile(join(dir, 'events.sqlite'), join(dir, 'copy.sqlite'));
    const appendedMeanwhile = n - appendsBefore;
    stop = true;
    await writer;

    const copy = new SqliteEventStore({ filename: join(dir, 'copy.sqlite'), backgroundCheckpoints: false });
    try {
      const copied = await copy.readAll({ withHashes: true });
      const live = await store.readAll({ withHashes: true });
      expect(appendedMeanwhile).toBeGreaterThan(0);
      expect(copied.length).toBeGreaterThanOrEqual(Number(committedBefore));
      expect(copied).toEqual(live.slice(0, copied.length));
      expect((await verifyEventStore(copy)).ok).toBe(true);
    } finally {
      await copy.close();
    }
  });

  it('refuses to write over a file that is there, and a source that is not', async () => {
    await store.appendToStream('stream-a', [event(1)], 'no_stream');
    await snapshotSqliteFile(join(dir, 'events.sqlite'), join(dir, 'taken.sqlite'));
    await expect(snapshotSqliteFile(join(dir, 'events.sqlite'), join(dir, 'taken.sqlite'))).rejects.toThrow(/output file already exists/);
    await expect(snapshotSqliteFile(join(dir, 'missing.sqlite'), join(dir, 'out.sqlite'))).rejects.toThrow(/unable to open database file/);
  });
});
