import { DataSource } from 'typeorm';
import { SqliteEventStore } from '@send/event-store';
import { openReadDatabase, rebuildReadModels } from '@send/read-models';
import { snapshotTables } from '../libs/read-models/src/projection/history.fixture';
import { ProjectionService } from '../apps/api/src/infrastructure/projection.service';
import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';
import { createFreshDatabase, describeWithPostgres, testPostgresUrl } from './support/test-postgres';

const REPORT = `mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { revision latestCommentary } }`;

async function eventually(check: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - started;
}

/** Two api instances on one event store and one PostgreSQL read database, as docker-compose's scaled profile runs them. */
describeWithPostgres('Two api instances share one read database', () => {
  let first: Awaited<ReturnType<typeof startTestApp>>;
  let second: TestApp & { dataDir: string };
  let action: { id: string; revision: number };

  beforeAll(async () => {
    first = await startTestApp({ readDatabase: 'postgres' });
    await first.gql(CREATE_PLAN, { input: planInput('shared') });
    action = (await first.gql(ADD_ACTION, { input: actionInput('shared', '1.1', { areaNumber: 1 }) })).data.addAction;
    second = await startTestApp({ readDatabase: 'postgres', reuse: { dataDir: first.dataDir, postgres: first.postgres } });
  }, 30_000);

  afterAll(async () => {
    await first?.close({ discard: false }).catch(() => undefined);
    await second?.close();
  });

  const projecting = (app: TestApp) => app.app.get(ProjectionService).isProjecting;

  it('runs the projections in exactly one of them; a write through the other still reads back at once', async () => {
    expect([projecting(first), projecting(second)]).toEqual([true, false]);
    const res = await second.gql(REPORT, {
      input: { actionId: action.id, expectedRevision: action.revision, rag: 'GREEN', asAt: '2026-06-01', commentary: 'Written through the standby' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.reportProgress).toEqual({ revision: action.revision + 1, latestCommentary: 'Written through the standby' });
  });

  it('hands the projections over within seconds when the active instance stops, skipping and doubling nothing', async () => {
    await first.close({ discard: false });
    const tookOver = await eventually(() => projecting(second), 5000);
    expect(tookOver).toBeLessThan(5000);
    for (let i = 0; i < 5; i++) {
      const current = (await second.gql(`{ action(id: "${action.id}") { revision } }`)).data.action;
      const res = await second.gql(REPORT, {
        input: { actionId: action.id, expectedRevision: current.revision, rag: 'AMBER', asAt: '2026-06-02', commentary: `After the handover ${i}` },
      });
      expect(res.errors).toBeUndefined();
    }
    const timeline = (await second.gql(`{ action(id: "${action.id}") { timeline { revision } } }`)).data.action.timeline;
    expect(timeline.map((t: { revision: number }) => t.revision)).toEqual(timeline.map((_: unknown, i: number) => i));

    const live = await snapshotTables(second.app.get(DataSource));
    const fresh = await createFreshDatabase(testPostgresUrl()!);
    const store = new SqliteEventStore({ filename: (second.config.eventStore as { filename: string }).filename });
    try {
      await rebuildReadModels(store, { type: 'postgres', url: fresh.url });
      const rebuilt = await openReadDatabase({ type: 'postgres', url: fresh.url });
      expect(await snapshotTables(rebuilt)).toEqual(live);
      await rebuilt.destroy();
    } finally {
      await store.close();
      await fresh.drop();
    }
  }, 30_000);
});
