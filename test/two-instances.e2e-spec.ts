import { DataSource } from 'typeorm';
import { SqliteEventStore, upcastOnRead } from '@send/event-store';
import { openReadDatabase, rebuildReadModels } from '@send/read-models';
import { snapshotTables } from '../libs/read-models/src/projection/history.fixture';
import { ProjectionService } from '../apps/api/src/infrastructure/projection.service';
import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { DEFAULT_TEST_NOW, startTestApp, TestApp } from './support/test-app';
import { createFreshDatabase, describeWithPostgres, testPostgresUrl } from './support/test-postgres';
import { currentVersionOf } from '@send/domain';

const REPORT = `mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { revision latestCommentary } }`;

async function eventually(check: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - started;
}

/** Two api instances on one SQLite event store and one PostgreSQL read database; test/all-postgres-instances.e2e-spec.ts runs them as docker-compose.yml does, everything on PostgreSQL. */
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

  it('shows on the standby a roll-up change the active instance projected, though the standby had counted it before', async () => {
    const rollUp = async (app: TestApp) => (await app.gql(`{ plans { rollUp { red amber green } } }`)).data.plans[0].rollUp;
    expect(await rollUp(second)).toEqual({ red: 0, amber: 0, green: 1 });
    expect(await rollUp(second)).toEqual({ red: 0, amber: 0, green: 1 });
    const current = (await first.gql(`{ action(id: "${action.id}") { revision } }`)).data.action;
    const res = await first.gql(REPORT, { input: { actionId: action.id, expectedRevision: current.revision, rag: 'RED', asAt: '2026-06-01', commentary: 'Off track' } });
    expect(res.errors).toBeUndefined();
    expect(await rollUp(second)).toEqual({ red: 1, amber: 0, green: 0 });
    expect(await rollUp(first)).toEqual({ red: 1, amber: 0, green: 0 });
  });

  it('counts overdue again when the day changes, though no event has been written', async () => {
    const overdue = async () => (await second.gql(`{ plans { rollUp { overdue } } }`)).data.plans[0].rollUp.overdue;
    second.clock.set('2026-03-31T09:00:00.000Z');
    expect(await overdue()).toBe(0);
    second.clock.set('2026-04-01T09:00:00.000Z');
    expect(await overdue()).toBe(1);
    second.clock.set(DEFAULT_TEST_NOW);
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
    const store = upcastOnRead(new SqliteEventStore({ filename: (second.config.eventStore as { filename: string }).filename }), currentVersionOf);
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
