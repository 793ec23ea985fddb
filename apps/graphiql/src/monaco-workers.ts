/**
 * GraphiQL 5's editor (Monaco) runs its language services in web workers. Ours are bundled next to
 * graphiql.js and loaded from this server, so the page works offline and under `worker-src 'self'`;
 * GraphiQL's own setups load them from a CDN or rely on a bundler feature esbuild does not have.
 */
export function serveMonacoWorkersFrom(assetsPath: string): void {
  const file: Record<string, string> = { json: 'json.worker.js', graphql: 'graphql.worker.js' };
  (globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
    getWorker: (_workerId: string, label: string) => new Worker(`${assetsPath}/${file[label] ?? 'editor.worker.js'}`),
  };
}
