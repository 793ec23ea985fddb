import { join } from 'node:path';
import { bundleForBrowser, bundleFromCommandLine, repositoryRoot } from '../browser-bundle/bundle-for-browser';

/**
 * Bundles the dashboard into `outDir` as dashboard.js and dashboard.css: one file each, with
 * React and the access policy from libs/domain inside, so the page needs nothing from elsewhere.
 */
export async function buildDashboard(outDir: string): Promise<void> {
  await bundleForBrowser({
    entryPoints: { dashboard: join(repositoryRoot(), 'apps/dashboard/src/main.tsx') },
    outDir,
    tsconfig: 'apps/dashboard/tsconfig.json',
    target: 'es2020',
  });
}

if (require.main === module) bundleFromCommandLine('Dashboard', 'dist/dashboard', buildDashboard);
