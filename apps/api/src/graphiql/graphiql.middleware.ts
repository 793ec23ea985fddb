import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GRAPHIQL_CONTENT_SECURITY_POLICY, graphiqlPage } from './graphiql-page';

const ASSETS_PATH = '/graphiql-assets';

/** Only the files the bundler writes (apps/graphiql/build-graphiql.ts) are served. */
const ASSET_TYPES: Record<string, string> = {
  'graphiql.js': 'text/javascript; charset=utf-8',
  'graphiql.css': 'text/css; charset=utf-8',
  'editor.worker.js': 'text/javascript; charset=utf-8',
  'json.worker.js': 'text/javascript; charset=utf-8',
  'graphql.worker.js': 'text/javascript; charset=utf-8',
};

type Use = (path: string, handler: (req: Request, res: Response, next: NextFunction) => void) => unknown;

/**
 * Browsers that open /graphql get GraphiQL, from the bundle in `bundleDir`; API clients (POST, or
 * GET without text/html) fall through to Apollo. Registered before Apollo's own route.
 */
export function mountGraphiql(use: Use, bundleDir: string, endpoint = '/graphql'): void {
  const html = graphiqlPage(endpoint, ASSETS_PATH);
  const built = () => existsSync(join(bundleDir, 'graphiql.js'));
  use(endpoint, (req, res, next) => {
    const wantsPage = req.method === 'GET' && req.path === '/' && (req.headers.accept ?? '').includes('text/html');
    if (!wantsPage) return next();
    if (!built()) {
      res.status(503).type('text').send(`GraphiQL is not built in ${bundleDir}. Run \`npm run build\`, then reload.`);
      return;
    }
    res.set({ 'Content-Security-Policy': GRAPHIQL_CONTENT_SECURITY_POLICY, 'Cache-Control': 'no-cache' }).type('html').send(html);
  });
  use(ASSETS_PATH, (req, res, next) => {
    const name = req.path.replace(/^\//, '');
    const type = ASSET_TYPES[name];
    if (!type || req.method !== 'GET') return next();
    // no-cache: the names do not change between builds, so the browser must revalidate.
    res.type(type).set('Cache-Control', 'no-cache').sendFile(join(bundleDir, name));
  });
}
