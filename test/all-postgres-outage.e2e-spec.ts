import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { currentVersionOf } from '@send/domain';
import { PostgresEventStore, upcastOnRead, verifyEventStore } from '@send/event-store';
import { ProjectionService } from '../apps/api/src/infrastructure/projection.service';
import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { PostgresCluster, startThrowawayPostgres } from './support/postgres-cluster';
import { expectEqualsRebuild } from './support/projector-instances';
import { startTestApp, TestApp } from './support/test-app';
import { createFreshDatabase, describeWithPostgres, FreshDatabase } from './support/test-postgres';

const PLAN = 'outage';
const WRITERS = 4;
const WRITES_EACH = 25;
const REPORT = change('reportProgress', 'ReportProgressInput');

/**
 * The api with its events and read models on a PostgreSQL of its own, which is stopped as a crash
 * would stop it (immediate, fsync and synchronous commit on) and started again in the middle of a
 * burst of writes. Clients are told SERVICE_UNAVAILABLE while it is down and try again with the
 * same command id; the api is not restarted.
 */
describeWithPostgres('All on PostgreSQL, the database restarted mid-burst', () => {
  let cluster: PostgresCluster | undefined;
  let database: FreshDatabase | undefined;
  let app: TestApp | undefined;
  let rebuilt: FreshDatabase | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'send-e2e-'));

  afterAll(async () => {
    await app?.close({ discard: false }).catch(() => undefined);
    await rebuilt?.drop().catch(() => undefined);
    await cluster?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing acknowledged, answers SERVICE_UNAVAILABLE while it is down, and recovers on its own', async () => {
    cluster = (await startThrowawayPostgres({ durable: true }))!;
    database = await createFreshDatabase(cluster.url);
    const log: string[] = [];
    app = await startTestApp({
      eventStore: 'postgres',
      reuse: { dataDir, postgres: database },
      // An outage is said as warnings (the projections retrying, requests refused); any ERROR line fails the test.
      logging: { level: 'warn', format: 'json', destination: { write: (line: string) => void log.push(line) } },
    });
    await app.gql(CREATE_PLAN, { input: planInput(PLAN) });
    const actions: { id: string; revision: number }[] = [];
    for (let i = 1; i <= WRITERS; i++) actions.push((await app.gql(ADD_ACTION, { input: actionInput(PLAN, `1.${i}`) })).data.addAction);

    const codes = new Map<string, number>();
    const acknowledged: string[] = [];
    let done = 0;
    let restarted: Promise<void> | undefined;
    await Promise.all(
      actions.map(async (action, w) => {
        let revision = action.revision;
        for (let n = 0; n < WRITES_EACH; n++) {
          const commandId = randomUUID();
          const input = { actionId: action.id, expectedRevision: revision, rag: n % 2 ? 'AMBER' : 'GREEN', commentary: `Writer ${w}, report ${n}`, asAt: '2026-06-01', commandId };
          // Half-way through, the database goes down and comes back while the writers carry on.
          if ((done += 1) === Math.floor((WRITERS * WRITES_EACH) / 2)) restarted = cluster!.restart();
          const giveUpAt = Date.now() + 90_000;
          for (;;) {
            if (Date.now() > giveUpAt) throw new Error(`write ${commandId} never acknowledged; answers so far ${JSON.stringify([...codes])}; the api said:\n${log.slice(-30).join('')}`);
            const answer = await app!.gql(REPORT, { input }).catch(() => undefined);
            const code = answer?.errors?.[0]?.extensions?.code as string | undefined;
            if (answer?.data?.reportProgress) {
              acknowledged.push(commandId);
              revision = answer.data.reportProgress.revision;
              break;
            }
            codes.set(code ?? 'no answer', (codes.get(code ?? 'no answer') ?? 0) + 1);
            await new Promise((r) => setTimeout(r, 50));
          }
        }
      }),
    );
    await restarted;

    expect(acknowledged).toHaveLength(WRITERS * WRITES_EACH);
    // While it was down, the api said so; nothing else refused a write.
    expect(codes.get('SERVICE_UNAVAILABLE')).toBeGreaterThan(0);
    expect([...codes.keys()].filter((c) => c !== 'SERVICE_UNAVAILABLE')).toEqual([]);

    const store = upcastOnRead(await PostgresEventStore.open({ connectionString: database.url }), currentVersionOf);
    try {
      const events = await store.readAll();
      const reports = events.filter((e) => e.type === 'ProgressReported').map((e) => String(e.metadata.commandId));
      expect(reports.sort()).toEqual([...acknowledged].sort());
      expect(await verifyEventStore(store)).toMatchObject({ ok: true, eventsChecked: events.length });
    } finally {
      await store.close();
    }
    await app.app.get(ProjectionService).caughtUpToHead(30_000);
    rebuilt = await expectEqualsRebuild(app.app.get(DataSource), { postgres: database.url });
  }, 180_000);
});
