import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bundleForBrowser, bundleFromCommandLine, repositoryRoot } from '../browser-bundle/bundle-for-browser';

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
  await bundleForBrowser({
    entryPoints: { graphiql: join(root, 'apps/graphiql/src/main.tsx'), ...monacoWorkers(root) },
    outDir,
    tsconfig: 'apps/graphiql/tsconfig.json',
    target: 'es2022',
    // Monaco's icon font, inlined like the rest of GraphiQL's fonts, so the stylesheet is one file.
    loader: { '.ttf': 'dataurl' },
  });
}

if (require.main === module) bundleFromCommandLine('GraphiQL', 'dist/graphiql', buildGraphiql);
