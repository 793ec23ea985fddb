import { bundleDashboardForRun } from './dashboard-bundle';
import { PostgresCluster, startThrowawayPostgres } from './postgres-cluster';

interface HarnessState {
  prepared: boolean;
  cluster?: PostgresCluster;
  removeDashboard?: () => void;
}

const STATE_KEY = Symbol.for('send-tracker.test-postgres');

/**
 * Setup and teardown run as separately transpiled modules in Jest's main process, so the
 * cluster handle lives on globalThis rather than in a module variable.
 */
export function harnessState(): HarnessState {
  const holder = globalThis as unknown as Record<symbol, HarnessState | undefined>;
  return (holder[STATE_KEY] ??= { prepared: false });
}

/**
 * Workers inherit process.env from the main process and are started after every globalSetup
 * has finished, so setting TEST_POSTGRES_URL here reaches every test file.
 */
export default async function globalSetup(): Promise<void> {
  const state = harnessState();
  // The int and e2e projects both list this file; one cluster per Jest run is enough.
  if (state.prepared) return;
  state.prepared = true;
  state.removeDashboard = await bundleDashboardForRun();

  if (process.env.TEST_POSTGRES_URL) return;

  const cluster = await startThrowawayPostgres();
  if (!cluster) {
    warnSkipped();
    return;
  }
  state.cluster = cluster;
  process.env.TEST_POSTGRES_URL = cluster.url;
}

function warnSkipped(): void {
  const bar = '!'.repeat(78);
  console.warn(
    [
      '',
      bar,
      '!! PostgreSQL tests SKIPPED: no PostgreSQL binaries found;',
      '!! install postgresql (apt-get install -y postgresql), or set PG_BIN_DIR to the',
      '!! directory holding initdb and pg_ctl, or set TEST_POSTGRES_URL to a server',
      '!! you can create databases on. SQLite-backed tests still run.',
      bar,
      '',
    ].join('\n'),
  );
}
