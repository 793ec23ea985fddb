import { build } from 'esbuild';
import { createRequire } from 'node:module';
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
 * The Monaco workers of the Monaco that GraphiQL itself depends on (through @graphiql/react),
 * found from there, so they always match the editor in the bundle.
 */
function monacoWorkers(root: string): Record<string, string> {
  const fromGraphiql = createRequire(join(root, 'node_modules/graphiql/package.json'));
  const fromReact = createRequire(fromGraphiql.resolve('@graphiql/react/package.json'));
  return {
    'editor.worker': fromReact.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
    'json.worker': fromReact.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
    'graphql.worker': fromReact.resolve('monaco-graphql/esm/graphql.worker.js'),
  };
}

/**
 * Bundles the GraphiQL page into `outDir`: graphiql.js, graphiql.css and the editor's three
 * workers, with React and every font inside, so the page needs nothing from elsewhere.
 */
export async function buildGraphiql(outDir: string): Promise<void> {
  const root = repositoryRoot();
  await build({
    entryPoints: { graphiql: join(root, 'apps/graphiql/src/main.tsx'), ...monacoWorkers(root) },
    outdir: outDir,
    bundle: true,
    minify: true,
    sourcemap: false,
    format: 'iife',
    target: ['es2022'],
    tsconfig: join(root, 'apps/graphiql/tsconfig.json'),
    // Monaco's icon font, inlined like the rest of GraphiQL's fonts, so the stylesheet is one file.
    loader: { '.ttf': 'dataurl' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
}

if (require.main === module) {
  const outDir = resolve(process.argv[2] ?? 'dist/graphiql');
  buildGraphiql(outDir)
    .then(() => console.log(`GraphiQL built into ${outDir}`))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
