/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, describeInChromium } from './support/dashboard-browser';
import { buildTestGraphiql } from './support/graphiql-bundle';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(60_000);

describeInChromium('GraphiQL in the browser, offline', () => {
  let app: TestApp;
  let bundle: Awaited<ReturnType<typeof buildTestGraphiql>>;
  let browser: Browser;
  let page: Page;
  const elsewhere: string[] = [];
  const problems: string[] = [];
  const workers: string[] = [];

  /** Monaco draws spaces as no-break spaces. */
  const responseText = async () => (await page.locator('.graphiql-response .view-lines').innerText()).replace(/\s+/g, ' ');

  beforeAll(async () => {
    bundle = await buildTestGraphiql();
    app = await startTestApp({ loadDemoPlan: true, graphiqlDir: bundle.dir });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath()!, args: ['--no-sandbox'] });
    page = await browser.newPage();
    const origin = new URL(app.url).origin;
    // As if there were no network beyond this server: anything else is refused and remembered.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    await page.goto(app.url);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    bundle?.remove();
  });

  it('opens with the demo query in the editor, its language worker running from this server', async () => {
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.graphiql-query-editor .view-lines', { hasText: 'query DemoPlan' }).waitFor();
    for (let waited = 0; !workers.includes('/graphiql-assets/graphql.worker.js') && waited < 10_000; waited += 100) {
      await page.waitForTimeout(100);
    }
    expect(workers).toContain('/graphiql-assets/graphql.worker.js');
  });

  it('runs the query against this API and shows its answer (here: sign-in required, as no token was given)', async () => {
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response .view-lines', { hasText: 'UNAUTHENTICATED' }).waitFor();
    expect(await responseText()).toContain('Sign-in required: no bearer token');
  });

  it('sends the headers typed in its Headers tab, so a token reads the demo plan', async () => {
    await page.getByRole('button', { name: 'Headers' }).click();
    await page.locator('.graphiql-editor-tool .monaco-editor').last().click();
    await page.keyboard.insertText(`{"Authorization": "Bearer ${await app.token('board-chair')}"}`);
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response .view-lines', { hasText: 'SEND and AP Improvement Plan' }).waitFor();
    expect(await responseText()).not.toContain('errors');
  });

  it('loaded nothing from elsewhere and broke no rule of its Content-Security-Policy', () => {
    expect(elsewhere).toEqual([]);
    // The unauthenticated run above answers 401, which the browser reports; nothing else may appear.
    expect(problems.filter((text) => !text.includes('status of 401'))).toEqual([]);
  });
});
