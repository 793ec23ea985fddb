import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { dashboardPage } from './dashboard-page';

export const DASHBOARD_PATH = '/dashboard';
const ASSETS_PATH = `${DASHBOARD_PATH}/assets`;

/** Only the files the bundler writes are served: nothing else in the folder is reachable. */
const ASSET_TYPES: Record<string, string> = {
  'dashboard.js': 'text/javascript; charset=utf-8',
  'dashboard.css': 'text/css; charset=utf-8',
};

/**
 * Everything the page loads comes from this origin, so the policy can forbid any other; the data
 * itself needs the bearer token the page sends to /graphql, exactly as any API client would. With
 * single sign-on the page also talks to the identity provider (its discovery document, token and
 * revocation endpoints), so that one origin, and no other, is added to connect-src.
 */
export function contentSecurityPolicy(config: AppConfig): string {
  const client = config.auth.mode === 'oidc' ? config.auth.client : undefined;
  const connect = client ? `; connect-src 'self' ${new URL(client.authority).origin}` : '';
  return `default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'${connect}`;
}

/**
 * Serves the board's dashboard (static files, no data) at /dashboard/ and sends / there. It is
 * middleware rather than a controller so it sits in front of the sign-in guard, which is for the API.
 */
@Injectable()
export class DashboardMiddleware implements NestMiddleware {
  private readonly html = dashboardPage(ASSETS_PATH);
  private readonly contentSecurityPolicy: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.contentSecurityPolicy = contentSecurityPolicy(config);
  }

  use(req: Request, res: Response, next: NextFunction): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const path = req.originalUrl.split('?')[0];
    if (path === '/' || path === DASHBOARD_PATH) return res.redirect(302, `${DASHBOARD_PATH}/`);
    if (path === `${DASHBOARD_PATH}/`) {
      if (!this.built()) return this.notBuilt(res);
      res.set({ 'Content-Security-Policy': this.contentSecurityPolicy, 'Cache-Control': 'no-cache' }).type('html').send(this.html);
      return;
    }
    if (path.startsWith(`${ASSETS_PATH}/`)) {
      const name = path.slice(ASSETS_PATH.length + 1);
      const type = ASSET_TYPES[name];
      if (!type || !this.config.dashboardDir) return next();
      if (!this.built()) return this.notBuilt(res);
      // no-cache: the names do not change between builds, so the browser must revalidate.
      res.type(type).set('Cache-Control', 'no-cache').sendFile(join(this.config.dashboardDir, name));
      return;
    }
    next();
  }

  private built(): boolean {
    const dir = this.config.dashboardDir;
    return !!dir && Object.keys(ASSET_TYPES).every((name) => existsSync(join(dir, name)));
  }

  private notBuilt(res: Response): void {
    res
      .status(503)
      .type('text')
      .send(`The dashboard has not been built (looked in ${this.config.dashboardDir ?? 'no folder'}). Run "npm run build", then start the app again.`);
  }
}
