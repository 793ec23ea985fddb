import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findPgBinDir } from './support/postgres-cluster';
import { runCli } from './support/run-cli';
import { startTestApp, TestApp } from './support/test-app';
import { createFreshDatabase, describeWithPostgres, FreshDatabase, testPostgresUrl } from './support/test-postgres';

jest.setTimeout(120_000);

const PLAN_QUERY = `query { plan(id: "demo-plan") { areas { number rollUp { red amber green blue notYetRated } } } }`;

/** `npm run verify` as docs/operations.md runs it, against whichever database the settings name. */
async function verify(url: string, dataDir: string, ...args: string[]): Promise<string> {
  const { code, output } = await runCli('verify-history', args, { EVENT_STORE: 'postgres', READ_DATABASE: 'postgres', READ_DATABASE_URL: url, DATA_DIR: dataDir, NODE_ENV: 'production' });
  expect({ code, output }).toMatchObject({ code: 0 });
  return output;
}

async function pg(bin: string, args: string[]): Promise<void> {
  await promisify(execFile)(join(findPgBinDir()!, bin), args);
}

/**
 * docs/operations.md's backup of the all-PostgreSQL deployment, step by step on the throwaway
 * cluster: the head kept first, a custom-format pg_dump while the api runs, pg_restore into a new
 * database, `verify --head` against the copy, and an api on the copy ready without a rebuild.
 */
describeWithPostgres('Backing up everything on PostgreSQL with pg_dump, as docs/operations.md says', () => {
  let app: TestApp & { postgres?: FreshDatabase; dataDir: string };
  let restored: FreshDatabase | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'send-pg-dump-'));

  beforeAll(async () => {
    app = await startTestApp({ eventStore: 'postgres', loadDemoPlan: true, areas: ['demo-area'] });
  });

  afterAll(async () => {
    await app?.close();
    await restored?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores a copy whose chain ends at the head kept before the dump, and serves the same plan at once', async () => {
    const kept = /head: (\d+:[0-9a-f]{64})/.exec(await verify(app.postgres!.url, app.dataDir))![1];
    const before = await app.gql(PLAN_QUERY);

    const dump = join(dir, 'send_tracker.dump');
    await pg('pg_dump', ['--dbname', app.postgres!.url, '--format=custom', '--file', dump]);
    restored = await createFreshDatabase(testPostgresUrl()!);
    await pg('pg_restore', ['--dbname', restored.url, '--exit-on-error', '--no-owner', dump]);

    const output = await verify(restored.url, app.dataDir, '--head', kept);
    expect(output).toContain(`given head ${kept}: still matches`);
    expect(output).toContain(`head: ${kept}`);

    const copy = await startTestApp({ eventStore: 'postgres', reuse: { dataDir: mkdtempSync(join(dir, 'data-')), postgres: restored }, areas: ['demo-area'] });
    try {
      expect(await copy.gql(PLAN_QUERY)).toEqual(before);
    } finally {
      await copy.close({ discard: false });
    }
  });
});
