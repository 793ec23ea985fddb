/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { dashboardBundle } from './dashboard-bundle';
import { startTestApp } from './test-app';

/** Debian's chromium, or the one CHROMIUM_PATH names; the suites never download a browser. */
export function chromiumPath(): string | undefined {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return existsSync(candidate) ? candidate : undefined;
}

/**
 * Without a browser the dashboard suites cannot run, but a green run must not hide that: say so
 * loudly and register the tests as skipped, as the PostgreSQL and EventStoreDB suites do.
 */
export function describeInChromium(name: string, fn: () => void): void {
  if (chromiumPath()) {
    describe(name, fn);
    return;
  }
  const bar = '!'.repeat(78);
  console.warn(
    [
      '',
      bar,
      `!! Browser suite "${name}" SKIPPED: no Chromium at`,
      `!! ${process.env.CHROMIUM_PATH || '/usr/bin/chromium'}. Install it (apt-get install -y chromium;`,
      '!! .ci/run does this when CI=true) or set CHROMIUM_PATH to a Chromium binary.',
      bar,
      '',
    ].join('\n'),
  );
  describe.skip(name, fn);
}

export const DEMO_NOW = '2026-06-15T10:00:00.000Z';
export const DEMO_TODAY = DEMO_NOW.slice(0, 10);

export interface DashboardHarness {
  app: Awaited<ReturnType<typeof startTestApp>>;
  browser: Browser;
  /** The dashboard's address, e.g. http://127.0.0.1:41234/dashboard/ */
  base: string;
  /** Uncaught errors in any tab, so a test can require there were none. */
  pageErrors: string[];
  /** A fresh browser tab (its own sessionStorage) signed in as this user through a sign-in link. */
  signedIn(userId: string, fragment?: string): Promise<Page>;
  /** A fresh tab, not signed in. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The real app with the demo plan on a fixed clock, serving the dashboard bundled for this run by
 * the same function `npm run build` uses, and one headless Chromium for the whole file.
 */
export async function startDashboard(): Promise<DashboardHarness> {
  const bundle = await dashboardBundle();
  const app = await startTestApp({ loadDemoPlan: true, now: DEMO_NOW, areas: ['demo-area'], dashboardDir: bundle.dir });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath()!, args: ['--no-sandbox'] });
  const base = app.url.replace(/\/graphql$/, '/dashboard/');
  const pageErrors: string[] = [];

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  async function signedIn(userId: string, fragment = ''): Promise<Page> {
    const page = await newPage();
    await page.goto(`${base}#token=${await app.token(userId)}`);
    await page.getByTestId('signed-in-as').waitFor();
    if (fragment) await page.evaluate((f) => (window.location.hash = f), fragment);
    return page;
  }

  return {
    app,
    browser,
    base,
    pageErrors,
    newPage,
    signedIn,
    async close() {
      await browser.close();
      await app.close();
      bundle.release();
    },
  };
}
