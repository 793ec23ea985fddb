import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { SqliteEventStore } from '@send/event-store';
import { openReadDatabase, rebuildReadModels } from '@send/read-models';
import { snapshotTables } from '../libs/read-models/src/projection/history.fixture';
import { PROJECTOR_LEASE_LOCK } from '../libs/read-models/src/projection/projector-lease';
import { PlanCommandService } from '../apps/api/src/commands/plan-command.service';
import { ProjectionService } from '../apps/api/src/infrastructure/projection.service';
import { startTestApp, TestApp } from './support/test-app';
import { createFreshDatabase, describeWithPostgres, FreshDatabase, testPostgresUrl } from './support/test-postgres';

const NOW = '2026-06-15T10:00:00.000Z';
const ROUNDS = 150;
const ACTOR = { userId: 'programme-office', displayName: 'Programme office', role: 'programme-office' };

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** The same database, with the instance's name on every connection it opens, so pg_stat_activity says whose a lock is. */
const named = (url: string, instance: string) => {
  const u = new URL(url);
  u.searchParams.set('application_name', instance);
  return u.toString();
};

async function eventually<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Two api instances on one SQLite event store and one PostgreSQL read database. The active one
 * is a real process, killed with SIGKILL half-way through a backlog: no shutdown hook runs, so
 * the lease goes only because PostgreSQL sees its session die.
 */
describeWithPostgres('The active projector killed with SIGKILL mid catch-up', () => {
  let dataDir: string | undefined;
  let postgres: FreshDatabase | undefined;
  let rebuiltDb: FreshDatabase | undefined;
  let active: ChildProcess | undefined;
  let standby: TestApp | undefined;
  let observer: Client | undefined;
  let output = '';

  /** Who holds the projector lease in this database: the application name of its session. */
  async function leaseHolder(): Promise<string | undefined> {
    const key = BigInt(PROJECTOR_LEASE_LOCK);
    const { rows } = await observer!.query(
      `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
         AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND l.classid = $1::oid AND l.objid = $2::oid`,
      [String(key >> 32n), String(key & 0xffffffffn)],
    );
    return rows[0]?.application_name;
  }

  /** The slowest projection's checkpoint, read from outside both instances. */
  async function lowestCheckpoint(): Promise<number> {
    const { rows } = await observer!.query('SELECT MIN(position) AS position FROM projection_checkpoints');
    return Number(rows[0].position ?? 0);
  }

  afterAll(async () => {
    if (active && active.exitCode === null && active.signalCode === null) active.kill('SIGKILL');
    await standby?.close({ discard: false }).catch(() => undefined);
    await observer?.end().catch(() => undefined);
    await rebuiltDb?.drop().catch(() => undefined);
    await postgres?.drop().catch(() => undefined);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('hands over to the standby within seconds, which ends with exactly the rows a full rebuild gives', async () => {
    const seed = await startTestApp({ readDatabase: 'postgres', loadDemoPlan: true, now: NOW, areas: ['demo-area'] });
    ({ dataDir, postgres } = seed);
    await seed.close({ discard: false });
    observer = new Client({ connectionString: named(postgres!.url, 'observer') });
    await observer.connect();

    // A: a real api process, the only instance yet, so it takes the lease.
    active = spawn(process.execPath, ['-r', join(__dirname, 'support', 'ts-register.js'), join(__dirname, '..', 'apps', 'api', 'src', 'main.ts')], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(await freePort()),
        DEMO_PLAN: 'skip',
        NODE_ENV: 'test',
        READ_DATABASE: 'postgres',
        READ_DATABASE_URL: named(postgres!.url, 'instance-a'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    active.stdout!.on('data', (chunk) => (output += chunk));
    active.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => active!.on('exit', (_code, signal) => resolve(signal)));
    await eventually('instance A holds the projector lease', async () => (await leaseHolder()) === 'instance-a', 30_000).catch((error) => {
      throw new Error(`${error.message}\n--- instance A said:\n${output}`);
    });

    // B: in this process, on the same event store and read database; it must stand by.
    standby = await startTestApp({
      readDatabase: 'postgres',
      now: NOW,
      areas: ['demo-area'],
      reuse: { dataDir: dataDir!, postgres: { url: named(postgres!.url, 'instance-b'), drop: async () => undefined } },
    });
    const projection = standby.app.get(ProjectionService);
    expect(projection.isProjecting).toBe(false);
    expect(await leaseHolder()).toBe('instance-a');

    // A backlog through the real command path of B: one progress report per open action per round.
    // A is paused meanwhile (SIGSTOP; its session and lease stay up), or it keeps pace with the
    // writes and there is nothing left to catch up on when it dies.
    const store = standby.store();
    const start = Number(await store.headPosition());
    expect(await lowestCheckpoint()).toBe(start);
    active.kill('SIGSTOP');
    const all = await store.readAll();
    const closing = new Set(['ActionCompleted', 'ActionWithdrawn', 'ActionSuperseded']);
    const closed = new Set(all.filter((e) => closing.has(e.type)).map((e) => e.data.actionId as string));
    const open = all.filter((e) => e.type === 'ActionAdded').map((e) => e.data.actionId as string).filter((id) => !closed.has(id));
    const commands = standby.app.get(PlanCommandService);
    for (let round = 0; round < ROUNDS; round++) {
      await Promise.all(
        open.map((actionId) =>
          commands.executeActionCommand(
            { type: 'ReportProgress', data: { actionId, rag: round % 2 ? 'AMBER' : 'GREEN', commentary: `Round ${round}`, asAt: NOW.slice(0, 10) } },
            undefined,
            { principal: 'system', actor: ACTOR },
          ),
        ),
      );
    }
    const head = Number(await store.headPosition());
    expect(head - start).toBe(ROUNDS * open.length);
    expect([await leaseHolder(), projection.isProjecting]).toEqual(['instance-a', false]);
    active.kill('SIGCONT');

    // Kill A once it has applied part of the backlog and not all of it.
    const reached = await eventually('instance A is part-way through the backlog', async () => {
      const at = await lowestCheckpoint();
      if (at >= head) throw new Error(`instance A caught up (${at} of ${head}) before it could be killed; make the backlog bigger`);
      return at > start && at;
    }, 20_000);
    active.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const killedAt = Date.now();
    const atKill = await lowestCheckpoint();
    expect(atKill).toBeGreaterThanOrEqual(reached);
    expect(atKill).toBeLessThan(head);

    // B takes the lease once PostgreSQL has ended A's session, and catches up.
    await eventually('instance B takes over', async () => projection.isProjecting && (await leaseHolder()) === 'instance-b', 10_000);
    const tookOverMs = Date.now() - killedAt;
    expect(tookOverMs).toBeLessThan(10_000);
    await projection.caughtUpToHead(30_000);
    const caughtUpMs = Date.now() - killedAt;
    expect(await lowestCheckpoint()).toBe(head);

    // Every action event (and minuted decision) has exactly one timeline line, keyed by its position: none skipped, none extra.
    const events = await store.readAll();
    const expected = events.filter((e) => e.streamId.startsWith('action-') || e.type === 'DecisionRecorded').map((e) => String(e.position));
    const dataSource = standby.app.get(DataSource);
    const timeline: { position: string }[] = await dataSource.query('SELECT position FROM timeline_entries ORDER BY position');
    expect(timeline.map((t) => String(t.position))).toEqual(expected);

    const live = await snapshotTables(dataSource);
    rebuiltDb = await createFreshDatabase(testPostgresUrl()!);
    const source = new SqliteEventStore({ filename: (standby.config.eventStore as { filename: string }).filename });
    try {
      await rebuildReadModels(source, { type: 'postgres', url: rebuiltDb.url });
    } finally {
      await source.close();
    }
    const rebuilt = await openReadDatabase({ type: 'postgres', url: rebuiltDb.url });
    try {
      expect(await snapshotTables(rebuilt)).toEqual(live);
    } finally {
      await rebuilt.destroy();
    }
    console.log(
      `projector failover: A killed at checkpoint ${atKill} (backlog ${start}..${head}); B took over in ${tookOverMs} ms and caught up in ${caughtUpMs} ms`,
    );
  }, 60_000);
});
