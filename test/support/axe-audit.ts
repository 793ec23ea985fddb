/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** The README's conformance target: WCAG 2.2 at level AA, which includes every A and AA rule of 2.0 and 2.1. */
export const WCAG_22_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const AXE_SOURCE = readFileSync(join(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Puts axe-core into the page once (a new document needs it again). */
export async function injectAxe(page: Page): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
}

/** One line per failing element: "rule-id (impact) at selector: what is wrong". */
export type AxeViolation = string;

/**
 * Runs axe-core in the page as it stands and returns every WCAG 2.2 AA violation. The engine is
 * evaluated through the DevTools protocol, which the dashboard's Content-Security-Policy (no
 * inline scripts) does not govern, so the page is audited exactly as it is served.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await injectAxe(page);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<any> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.flatMap((v: any) =>
      v.nodes.map((n: any) => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ').trim()}`),
    );
  }, WCAG_22_AA_TAGS);
}
