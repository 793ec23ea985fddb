import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SqliteEventStore, upcastOnRead } from '@send/event-store';
import { openReadDatabase, rebuildReadModels } from '@send/read-models';
import { snapshotTables } from '../libs/read-models/src/projection/history.fixture';
import { ProjectionService } from '../apps/api/src/infrastructure/projection.service';
import { spawnApiInstance } from './support/projector-instances';
import { startTestApp } from './support/test-app';
import { currentVersionOf } from '@send/domain';

const NOW = '2026-06-15T10:00:00.000Z';
const UPDATES_PER_ACTION = 120;

/** The lowest checkpoint in the read database, read from outside the api process. */
function lowestCheckpoint(file: string): number {
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'projection_checkpoints'").get();
    if (!table) return 0;
    const row = db.prepare('SELECT MIN(position) AS position, COUNT(*) AS n FROM projection_checkpoints').get() as { position: number | null; n: number };
    return row.n === 0 ? 0 : Number(row.position ?? 0);
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

/**
 * A real api process, started from the sources, killed with SIGKILL while it replays thousands
 * of events into empty read models, then started again: the read models must equal a rebuild.
 */
describe('An api killed in the middle of a projection catch-up', () => {
  it('resumes from its checkpoints and ends with exactly the rows a full rebuild gives', async () => {
    // A history of the demo plan plus thousands of progress updates.
    const seed = await startTestApp({ loadDemoPlan: true, now: NOW, areas: ['demo-area'] });
    const { dataDir, config } = seed;
    await seed.close({ discard: false });
    const eventsFile = (config.eventStore as { filename: string }).filename;
    const store = upcastOnRead(new SqliteEventStore({ filename: eventsFile }), currentVersionOf);
    const actions = (await store.readAll()).filter((e) => e.type === 'ActionAdded').map((e) => e.data.actionId as string);
    for (const actionId of actions) {
      const stream = await store.readStream(`action-${actionId}`);
      if (stream.some((e) => ['ActionCompleted', 'ActionWithdrawn', 'ActionSuperseded'].includes(e.type))) continue;
      const events = Array.from({ length: UPDATES_PER_ACTION }, (_, i) => ({
        id: `${actionId.slice(0, 24)}-${String(i).padStart(11, '0')}`,
        type: 'ProgressReported',
        data: { actionId, rag: i % 2 ? 'AMBER' : 'GREEN', previousRag: i % 2 ? 'GREEN' : 'AMBER', commentary: `Weekly note ${i}`, asAt: '2026-06-14' },
        metadata: { schemaVersion: 1, occurredAt: '2026-06-14T09:00:00.000Z', actor: { userId: 'programme-office', displayName: 'Programme office', role: 'ACTION_OWNER' } },
      }));
      await store.appendToStream(`action-${actionId}`, events, stream[stream.length - 1].revision);
    }
    const head = Number(await store.headPosition());
    await store.close();
    const readFile = (config.readDatabase as { filename: string }).filename;
    rmSync(readFile, { force: true });
    rmSync(`${readFile}-wal`, { force: true });
    rmSync(`${readFile}-shm`, { force: true });

    // Start a real process, and kill it once it is part-way through.
    const { child, exited } = await spawnApiInstance({ dataDir });
    const started = Date.now();
    let reached = 0;
    while (reached < head * 0.2) {
      if (Date.now() - started > 60_000) throw new Error(`the api did not get going (checkpoint ${reached} of ${head})`);
      await new Promise((resolve) => setTimeout(resolve, 10));
      reached = lowestCheckpoint(readFile);
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const atKill = lowestCheckpoint(readFile);
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(head);

    // Start again: it resumes and catches up.
    const again = await startTestApp({ now: NOW, areas: ['demo-area'], reuse: { dataDir } });
    await again.app.get(ProjectionService).caughtUpToHead(60_000);
    const live = await snapshotTables(again.app.get(DataSource));
    await again.close({ discard: false });

    const rebuiltFile = join(dataDir, 'rebuilt.sqlite');
    const events = upcastOnRead(new SqliteEventStore({ filename: eventsFile }), currentVersionOf);
    await rebuildReadModels(events, { type: 'sqlite', filename: rebuiltFile });
    await events.close();
    const rebuilt = await openReadDatabase({ type: 'sqlite', filename: rebuiltFile });
    expect(await snapshotTables(rebuilt)).toEqual(live);
    await rebuilt.destroy();
    rmSync(dataDir, { recursive: true, force: true });
    console.log(`crash test: killed at checkpoint ${atKill} of ${head} events`);
  }, 120_000);
});
