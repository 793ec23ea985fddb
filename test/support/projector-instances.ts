import { ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { PostgresEventStore, SqliteEventStore, upcastOnRead } from '@send/event-store';
import { openReadDatabase, PROJECTOR_LEASE_LOCK, rebuildReadModels } from '@send/read-models';
import { snapshotTables } from '../../libs/read-models/src/projection/history.fixture';
import { DataSource } from 'typeorm';
import { createFreshDatabase, FreshDatabase, testPostgresUrl } from './test-postgres';
import { startTestApp, TestApp } from './test-app';
import { freeLoopbackPort } from './free-port';
import { currentVersionOf } from '@send/domain';

/** The same database, with the instance's name on every connection it opens, so pg_stat_activity says whose a lock is. */
export const named = (url: string, instance: string) => {
  const u = new URL(url);
  u.searchParams.set('application_name', instance);
  return u.toString();
};

export async function eventually<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A real api process on the given data folder (and PostgreSQL read database, if given, else the
 * folder's SQLite one); its output is kept for the failure message.
 */
export async function spawnApiInstance(options: { dataDir: string; readDatabaseUrl?: string; env?: Record<string, string> }): Promise<{ child: ChildProcess; output: () => string; exited: Promise<NodeJS.Signals | null> }> {
  let output = '';
  const child = spawn(process.execPath, ['-r', join(__dirname, 'ts-register.js'), join(__dirname, '..', '..', 'apps', 'api', 'src', 'main.ts')], {
    env: {
      ...process.env,
      DATA_DIR: options.dataDir,
      PORT: String(await freeLoopbackPort()),
      DEMO_PLAN: 'skip',
      NODE_ENV: 'test',
      ...(options.readDatabaseUrl ? { READ_DATABASE: 'postgres', READ_DATABASE_URL: options.readDatabaseUrl } : {}),
      // Reminder and chain head mails are events too; here only the test's own writes may move the store's head.
      REMINDERS: 'off',
      HISTORY_HEAD_MAILS: 'off',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  return { child, output: () => output, exited };
}

/** Reads who holds the projector lease and how far the projections are, from outside every instance. */
export class LeaseObserver {
  private constructor(private readonly client: Client) {}

  static async connect(url: string): Promise<LeaseObserver> {
    const client = new Client({ connectionString: named(url, 'observer') });
    await client.connect();
    return new LeaseObserver(client);
  }

  /** The application name of the session holding the projector lease in this database. */
  async holder(): Promise<string | undefined> {
    const key = BigInt(PROJECTOR_LEASE_LOCK);
    const { rows } = await this.client.query(
      `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
         AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND l.classid = $1::oid AND l.objid = $2::oid`,
      [String(key >> 32n), String(key & 0xffffffffn)],
    );
    return rows[0]?.application_name;
  }

  /** The slowest projection's checkpoint. */
  async lowestCheckpoint(): Promise<number> {
    const { rows } = await this.client.query('SELECT MIN(position) AS position FROM projection_checkpoints');
    return Number(rows[0].position ?? 0);
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/** The live read database must equal a full rebuild from the same event store (a SQLite file, or a PostgreSQL URL): nothing skipped, nothing doubled. */
export async function expectEqualsRebuild(live: DataSource, eventStore: string | { postgres: string }): Promise<FreshDatabase> {
  const rebuiltDb = await createFreshDatabase(testPostgresUrl()!);
  const adapter = typeof eventStore === 'string' ? new SqliteEventStore({ filename: eventStore }) : await PostgresEventStore.open({ connectionString: eventStore.postgres });
  const source = upcastOnRead(adapter, currentVersionOf);
  try {
    await rebuildReadModels(source, { type: 'postgres', url: rebuiltDb.url });
  } finally {
    await source.close();
  }
  const rebuilt = await openReadDatabase({ type: 'postgres', url: rebuiltDb.url });
  try {
    expect(await snapshotTables(rebuilt)).toEqual(await snapshotTables(live));
  } finally {
    await rebuilt.destroy();
  }
  return rebuiltDb;
}

/**
 * One event store and one PostgreSQL read database holding the demo plan; instance A is a real
 * api process that takes the projector lease, instance B runs in the test's process and stands by.
 */
export class ActiveAndStandby {
  rebuiltDb: FreshDatabase | undefined;

  private constructor(
    readonly dataDir: string,
    readonly postgres: FreshDatabase,
    readonly observer: LeaseObserver,
    readonly active: Awaited<ReturnType<typeof spawnApiInstance>>,
    readonly standby: TestApp,
  ) {}

  static async start(options: { now: string; leaseTimeoutMs: number }): Promise<ActiveAndStandby> {
    const seed = await startTestApp({ readDatabase: 'postgres', loadDemoPlan: true, now: options.now, areas: ['demo-area'] });
    const { dataDir, postgres } = seed;
    await seed.close({ discard: false });
    const observer = await LeaseObserver.connect(postgres!.url);
    const active = await spawnApiInstance({ dataDir, readDatabaseUrl: named(postgres!.url, 'instance-a'), env: { PROJECTOR_LEASE_TIMEOUT_MS: String(options.leaseTimeoutMs) } });
    await eventually('instance A holds the projector lease', async () => (await observer.holder()) === 'instance-a', 30_000).catch((error) => {
      throw new Error(`${error.message}\n--- instance A said:\n${active.output()}`);
    });
    const standby = await startTestApp({
      readDatabase: 'postgres',
      now: options.now,
      areas: ['demo-area'],
      reuse: { dataDir, postgres: { url: named(postgres!.url, 'instance-b'), drop: async () => undefined } },
    });
    return new ActiveAndStandby(dataDir, postgres!, observer, active, standby);
  }

  /** The standby's read database must equal a full rebuild from the event store. */
  async expectStandbyEqualsRebuild(): Promise<void> {
    this.rebuiltDb = await expectEqualsRebuild(this.standby.app.get(DataSource), (this.standby.config.eventStore as { filename: string }).filename);
  }

  async close(): Promise<void> {
    const child = this.active.child;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGCONT');
      child.kill('SIGKILL');
    }
    await this.standby.close({ discard: false }).catch(() => undefined);
    await this.observer.close().catch(() => undefined);
    await this.rebuiltDb?.drop().catch(() => undefined);
    await this.postgres.drop().catch(() => undefined);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
