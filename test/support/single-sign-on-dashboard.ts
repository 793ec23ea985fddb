/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import type { Browser, Page } from 'playwright-core';
import { dashboardBundle } from './dashboard-bundle';
import { chromiumPath, DEMO_NOW } from './dashboard-browser';
import { API_RESOURCE, ProviderAccount, reserveIssuer, startIdentityProvider, TestIdentityProvider } from './identity-provider';
import { startTestApp, TestApp } from './test-app';

export interface SingleSignOnHarness {
  app: TestApp;
  provider: TestIdentityProvider;
  browser: Browser;
  /** The dashboard's address, e.g. http://127.0.0.1:41234/dashboard/ */
  base: string;
  pageErrors: string[];
  /** A fresh browser (its own cookies and storage) that may reach only this machine. */
  newPage(): Promise<Page>;
  /** Clicks through the organisation sign-in on a page showing the sign-in button. */
  signInAs(page: Page, login: string): Promise<void>;
  /** The tokens oidc-client-ts keeps for this tab, or null. */
  storedUser(page: Page): Promise<{ access_token: string; refresh_token?: string; id_token?: string } | null>;
  /** The bearer tokens the page sent to /graphql, in order. */
  bearers(page: Page): string[];
  /**
   * Lets a test stand between the provider and the page: the provider's answer to the login form
   * is followed here (the browser does not show a route its redirects) up to the address it sends
   * the page back to, which `tamper` may change, or withhold by returning null.
   */
  interceptCallback(page: Page, tamper: (callback: URL) => URL | null): Promise<void>;
  close(): Promise<void>;
}

/**
 * The demo plan behind a real OpenID provider on loopback, configured as a council would with
 * Entra ID: the directory's preferred_username (UPN) matched to the registered e-mail address.
 */
export async function startSingleSignOnDashboard(accounts: Record<string, ProviderAccount>, options: { accessTokenTtlSeconds?: number } = {}): Promise<SingleSignOnHarness> {
  const bundle = await dashboardBundle();
  const issuer = await reserveIssuer();
  const scope = 'openid profile email offline_access tracker.access';
  const app = await startTestApp({
    loadDemoPlan: true,
    now: DEMO_NOW,
    areas: ['demo-area'],
    dashboardDir: bundle.dir,
    auth: {
      mode: 'oidc',
      issuer,
      audience: API_RESOURCE,
      jwksUrl: `${issuer}/jwks`,
      userClaim: 'preferred_username',
      userMatch: 'email',
      client: { authority: issuer, clientId: 'send-dashboard', scope },
    },
  });
  const base = app.url.replace(/\/graphql$/, '/dashboard/');
  const provider = await startIdentityProvider(issuer, { accounts, redirectUris: [base], accessTokenTtlSeconds: options.accessTokenTtlSeconds });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath()!, args: ['--no-sandbox'] });
  const pageErrors: string[] = [];
  const sent = new WeakMap<Page, string[]>();

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    // Nothing in these pages may reach past this machine.
    await context.route(
      (url) => !['127.0.0.1', 'localhost'].includes(url.hostname),
      (route) => route.abort(),
    );
    const page = await context.newPage();
    const bearers: string[] = [];
    sent.set(page, bearers);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => {
      if (new URL(request.url()).pathname !== '/graphql') return;
      const header = request.headers().authorization;
      if (header) bearers.push(header.replace(/^Bearer /, ''));
    });
    return page;
  }

  async function signInAs(page: Page, login: string): Promise<void> {
    await page.getByRole('button', { name: /Sign in with your organisation account|Sign in again/ }).click();
    // Either the provider asks who signs in, or the page says why it could not get there.
    await Promise.race([
      page.waitForURL((url) => url.href.startsWith(`${issuer}/interaction/`)).catch(() => undefined),
      page.getByRole('alert').waitFor().catch(() => undefined),
    ]);
    if (!page.url().startsWith(issuer)) {
      const said = await page.getByRole('alert').textContent({ timeout: 5000 }).catch(() => 'nothing');
      throw new Error(`The page did not reach the provider's sign-in; it says: ${said}`);
    }
    await page.getByLabel('Account').fill(login);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.href.startsWith(base) && !url.search);
  }

  async function interceptCallback(page: Page, tamper: (callback: URL) => URL | null): Promise<void> {
    await page.route(
      (u) => u.href.startsWith(`${issuer}/interaction/`),
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        let response = await route.fetch({ maxRedirects: 0 });
        for (let hop = 0; hop < 5; hop++) {
          const location = response.headers().location;
          if (!location) break;
          const next = new URL(location, response.url());
          if (next.href.startsWith(base)) {
            const changed = tamper(next);
            return changed ? route.fulfill({ status: 303, headers: { location: changed.href } }) : route.fulfill({ status: 204 });
          }
          response = await page.context().request.get(next.href, { maxRedirects: 0 });
        }
        throw new Error(`The provider did not send the page back: ${response.status()} from ${response.url()}`);
      },
    );
  }

  return {
    app,
    interceptCallback,
    provider,
    browser,
    base,
    pageErrors,
    newPage,
    signInAs,
    storedUser: (page) =>
      page.evaluate((key) => {
        const text = sessionStorage.getItem(key);
        return text ? JSON.parse(text) : null;
      }, `oidc.user:${issuer}:send-dashboard`),
    bearers: (page) => sent.get(page) ?? [],
    async close() {
      await browser.close();
      await provider.close();
      await app.close();
      bundle.release();
    },
  };
}
