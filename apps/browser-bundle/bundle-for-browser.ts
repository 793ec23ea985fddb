import { build, Loader } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository root: the first folder above this file with a package.json (from source or from dist). */
export function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

export interface BrowserBundle {
  /** Output name → source file; each becomes NAME.js (and NAME.css where it imports styles). */
  entryPoints: Record<string, string>;
  outDir: string;
  /** The page's own tsconfig, relative to the repository root. */
  tsconfig: string;
  target: string;
  loader?: Record<string, Loader>;
}

/**
 * One minified IIFE per entry point with everything it imports inside, as the dashboard and the
 * GraphiQL page are both served: from this origin only, under a policy that forbids any other.
 */
export async function bundleForBrowser(bundle: BrowserBundle): Promise<void> {
  await build({
    entryPoints: bundle.entryPoints,
    outdir: bundle.outDir,
    bundle: true,
    minify: true,
    sourcemap: false,
    format: 'iife',
    target: [bundle.target],
    tsconfig: join(repositoryRoot(), bundle.tsconfig),
    loader: bundle.loader,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
}

/** `node build-x.js [outDir]`, as scripts/build.js runs each page's bundler. */
export function bundleFromCommandLine(what: string, defaultOutDir: string, bundle: (outDir: string) => Promise<void>): void {
  const outDir = resolve(process.argv[2] ?? defaultOutDir);
  bundle(outDir)
    .then(() => console.log(`${what} built into ${outDir}`))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
