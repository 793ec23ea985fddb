import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository root: the first folder above this file with a package.json (from source or from dist). */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

/**
 * Bundles the dashboard into `outDir` as dashboard.js and dashboard.css: one file each, with
 * React and the access policy from libs/domain inside, so the page needs nothing from elsewhere.
 */
export async function buildDashboard(outDir: string): Promise<void> {
  const root = repositoryRoot();
  await build({
    entryPoints: { dashboard: join(root, 'apps/dashboard/src/main.tsx') },
    outdir: outDir,
    bundle: true,
    minify: true,
    sourcemap: false,
    format: 'iife',
    target: ['es2020'],
    tsconfig: join(root, 'apps/dashboard/tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
}

if (require.main === module) {
  const outDir = resolve(process.argv[2] ?? 'dist/dashboard');
  buildDashboard(outDir)
    .then(() => console.log(`Dashboard built into ${outDir}`))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
