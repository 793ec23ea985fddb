import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pixelmatch from 'pixelmatch';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';

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

/**
 * Pixels that may differ beyond anti-aliasing (which pixelmatch leaves out): renders on the same
 * Chromium are identical, and one changed digit of the smallest text is about 60 pixels.
 */
const MAX_DIFFERING_PIXELS = 40;

/**
 * Compares the page with the picture the README shows (docs/screenshots/NAME.png), so a change
 * to what the board sees cannot pass unnoticed; `npm run screenshots` (UPDATE_SCREENSHOTS=1)
 * takes them anew after a deliberate change. On a difference the test fails and the picture
 * taken, and one marking the differing pixels, are left in the temp folder to look at.
 */
export async function matchScreenshot(page: Page, name: string): Promise<void> {
  const committed = join(__dirname, '..', '..', 'docs', 'screenshots', `${name}.png`);
  const taken = await page.screenshot({ fullPage: true });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(dirname(committed), { recursive: true });
    writeFileSync(committed, taken);
    return;
  }
  const difference = screenshotDifference(PNG.sync.read(taken), PNG.sync.read(readFileSync(committed)));
  if (difference.ok) return;
  const kept = mkdtempSync(join(tmpdir(), `screenshot-${name}-`));
  writeFileSync(join(kept, `${name}.png`), taken);
  if (difference.diff) writeFileSync(join(kept, `${name}.diff.png`), PNG.sync.write(difference.diff));
  throw new Error(`The ${name} screen no longer looks like docs/screenshots/${name}.png: ${difference.why} (taken and marked: ${kept}). If the change is meant, run npm run screenshots.`);
}

export function screenshotDifference(taken: PNG, committed: PNG): { ok: boolean; why?: string; diff?: PNG } {
  if (taken.width !== committed.width || taken.height !== committed.height) {
    return { ok: false, why: `it is ${taken.width}×${taken.height} px, the picture ${committed.width}×${committed.height}` };
  }
  const diff = new PNG({ width: taken.width, height: taken.height });
  const pixels = pixelmatch(taken.data, committed.data, diff.data, taken.width, taken.height, { threshold: 0.1 });
  if (pixels <= MAX_DIFFERING_PIXELS) return { ok: true };
  return { ok: false, why: `${pixels} pixels differ (${MAX_DIFFERING_PIXELS} may)`, diff };
}

/** Types an ISO date into a GOV.UK date input (Day, Month, Year boxes) found by its legend. */
export async function fillDate(page: Page, legend: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  const group = page.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year);
}
