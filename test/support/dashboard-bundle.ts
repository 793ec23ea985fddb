import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDashboard } from '../../apps/dashboard/build-dashboard';

/** Set by the global setup: the dashboard bundled once for the whole run. */
const SHARED_BUNDLE = 'TEST_DASHBOARD_DIR';

export interface DashboardBundle {
  dir: string;
  /** Removes the bundle if this file built it; the run's shared one outlives the file. */
  release(): void;
}

/**
 * The dashboard as `npm run build` bundles it. Some thirty browser suites serve it, and each used to
 * bundle it again; the global setup now bundles it once per run, read-only to every suite. A file
 * run without that setup (its own Jest config) still gets a bundle of its own.
 */
export async function dashboardBundle(): Promise<DashboardBundle> {
  const shared = process.env[SHARED_BUNDLE];
  if (shared) return { dir: shared, release: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'send-dashboard-'));
  await buildDashboard(dir);
  return { dir, release: () => rmSync(dir, { recursive: true, force: true }) };
}

/** For the global setup: bundles the dashboard for every suite of this run, and answers how to remove it. */
export async function bundleDashboardForRun(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'send-dashboard-run-'));
  await buildDashboard(dir);
  process.env[SHARED_BUNDLE] = dir;
  return () => {
    if (process.env[SHARED_BUNDLE] === dir) delete process.env[SHARED_BUNDLE];
    rmSync(dir, { recursive: true, force: true });
  };
}
