import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Polls until the page shows what the API says it should (or 5 s pass) and returns what it last
 * showed, so the test's own expect reports the difference instead of a bare timeout.
 */
export async function settle<T>(read: () => Promise<T>, expected: T, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let actual = await read();
  while (JSON.stringify(actual) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    actual = await read();
  }
  return actual;
}

export const texts = (page: Page, selector: string): Promise<string[]> =>
  page.$$eval(selector, (elements) => elements.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));

export const listedRefs = (page: Page): Promise<string[]> => page.$$eval('tr[data-action-ref]', (rows) => rows.map((r) => r.getAttribute('data-action-ref')!));

/** Figure tiles as { name: value }, e.g. { Actions: '36', Red: '5' }. */
export const tiles = (page: Page): Promise<Record<string, string>> =>
  page.$$eval('.figure-tile', (els) => Object.fromEntries(els.map((e) => [e.querySelector('dt')!.textContent!.trim(), e.querySelector('dd')!.textContent!.trim()])));

/** With UPDATE_SCREENSHOTS=1 the run refreshes the pictures the README shows. */
export async function maybeScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  const dir = join(__dirname, '..', '..', 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
