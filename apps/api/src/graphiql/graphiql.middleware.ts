import type { NextFunction, Request, Response } from 'express';
import { dirname, join } from 'node:path';
import { graphiqlPage } from './graphiql-page';

const ASSETS_PATH = '/graphiql-assets';

/** Packages' `exports` maps hide their UMD builds, so paths are taken from each package's root. */
const fromPackage = (name: string, file: string) => join(dirname(require.resolve(`${name}/package.json`)), file);

/** The files GraphiQL needs, from packages installed with the app: nothing comes from a CDN. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.production.min.js': { file: fromPackage('react', 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.production.min.js': { file: fromPackage('react-dom', 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.min.js': { file: fromPackage('graphiql', 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.min.css': { file: fromPackage('graphiql', 'graphiql.min.css'), type: 'text/css' },
};

type Use = (path: string, handler: (req: Request, res: Response, next: NextFunction) => void) => unknown;

/**
 * Browsers that open /graphql get GraphiQL; API clients (POST, or GET without text/html) fall
 * through to Apollo. Registered before Apollo's own route.
 */
export function mountGraphiql(use: Use, endpoint = '/graphql'): void {
  const html = graphiqlPage(endpoint, ASSETS_PATH);
  use(endpoint, (req, res, next) => {
    const wantsPage = req.method === 'GET' && req.path === '/' && (req.headers.accept ?? '').includes('text/html');
    if (!wantsPage) return next();
    res.type('html').send(html);
  });
  use(ASSETS_PATH, (req, res, next) => {
    const asset = ASSETS[req.path.replace(/^\//, '')];
    if (!asset || req.method !== 'GET') return next();
    res.type(asset.type).set('Cache-Control', 'public, max-age=86400').sendFile(asset.file);
  });
}
