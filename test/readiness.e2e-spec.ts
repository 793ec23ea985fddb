import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { PROJECTION_BATCH_LOCK } from '@send/read-models';
import { PlanCommandService } from '../apps/api/src/commands/plan-command.service';
import { PostgresCluster, startThrowawayPostgres } from './support/postgres-cluster';
import { eventually } from './support/projector-instances';
import { startTestApp, TestApp } from './support/test-app';
import { describeWithPostgres } from './support/test-postgres';

const MAX_LAG_SECONDS = 1;

const origin = (app: TestApp) => app.url.replace(/\/graphql$/, '');
const ready = async (app: TestApp) => {
  const response = await fetch(`${origin(app)}/health/ready`);
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

/** Real faults on a PostgreSQL read database: a projector that cannot write, and a database server that has gone. */
describeWithPostgres('Readiness', () => {
  it('turns 503 while the read models fall behind by more than the bound, and back once they catch up', async () => {
    const said: { level: string; context?: string; msg: string }[] = [];
    const app = await startTestApp({
      readDatabase: 'postgres',
      monitoring: { maxProjectionLagSeconds: MAX_LAG_SECONDS },
      logging: { level: 'info', format: 'json', destination: { write: (line) => void said.push(JSON.parse(line)) } },
    });
    const health = () => said.filter((l) => l.context === 'Health').map((l) => `${l.level} ${l.msg}`);
    // Another session holds the lock every projection batch takes first (as a second projector
    // in the middle of a long batch would): this instance's projector waits, and nothing else.
    const blocker = new Client({ connectionString: app.postgres!.url });
    await blocker.connect();
    try {
      expect((await ready(app)).status).toBe(200);
      await blocker.query('SELECT pg_advisory_lock($1)', [PROJECTION_BATCH_LOCK]);
      await app.app.get(PlanCommandService).ensureUser({ userId: 'written-while-stuck', displayName: 'Written while stuck', ownerId: null }, [], { principal: 'system' });

      const stuck = await eventually('readiness fails', async () => {
        const answer = await ready(app);
        return answer.status === 503 && answer;
      }, 15_000);
      expect(stuck.body).toMatchObject({
        status: 'error',
        info: { eventStore: { status: 'up' }, readDatabase: { status: 'up' } },
        error: { projections: { status: 'down', maxLagSeconds: MAX_LAG_SECONDS } },
      });
      expect(stuck.body.error.projections.eventsBehind).toBeGreaterThanOrEqual(1);
      expect(stuck.body.error.projections.lagSeconds).toBeGreaterThan(MAX_LAG_SECONDS);
      expect(JSON.stringify(stuck.body)).not.toContain('Written while stuck');
      const metrics = await (await fetch(`${origin(app)}/metrics`)).text();
      expect(Number(/^send_projection_lag_events (\d+)$/m.exec(metrics)![1])).toBeGreaterThanOrEqual(1);

      await blocker.query('SELECT pg_advisory_unlock($1)', [PROJECTION_BATCH_LOCK]);
      const caughtUp = await eventually('readiness returns', async () => {
        const answer = await ready(app);
        return answer.status === 200 && answer;
      }, 15_000);
      expect(caughtUp.body.details.projections).toMatchObject({ status: 'up', eventsBehind: 0 });
      // Probed many times while stuck, logged once each way.
      expect(health()).toEqual(['warn Not ready: projections failing.', 'info Ready again.']);
    } finally {
      await blocker.end();
      await app.close();
    }
  }, 60_000);

  it('turns 503 when the read database server stops, naming the read database', async () => {
    const cluster: PostgresCluster = (await startThrowawayPostgres())!;
    const app = await startTestApp({ reuse: { dataDir: mkdtempSync(join(tmpdir(), 'send-e2e-')), postgres: { url: cluster.url, drop: async () => undefined } } });
    try {
      expect((await ready(app)).status).toBe(200);
      await cluster.stop();
      const down = await ready(app);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        status: 'error',
        info: { eventStore: { status: 'up' } },
        error: { readDatabase: { status: 'down', message: 'The read database does not answer.' } },
      });
      expect(JSON.stringify(down.body)).not.toMatch(/127\.0\.0\.1|postgres:\/\/|send_tracker_test/);
      expect((await fetch(`${origin(app)}/health/live`)).status).toBe(200);
    } finally {
      await app.close().catch(() => undefined);
      await cluster.stop();
    }
  }, 60_000);
});
