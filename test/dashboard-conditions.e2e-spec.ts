/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';
import { matchScreenshot, texts } from './support/dashboard-page';

const op = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { id revision } }`;

describeInChromium('The dashboard in Chromium: the conditions register', () => {
  let h: DashboardHarness;

  beforeAll(async () => {
    h = await startDashboard();
    // The demo's register (C1–C4) has every status approved at the last board; the office then restates C3's, which awaits the chair.
    const c3 = (await h.app.gql(`{ condition(planId: "demo-plan", ref: "C3") { id revision } }`)).data.condition;
    await h.app.gql(op('recordConditionStatus', 'RecordConditionStatusInput'), {
      input: { conditionId: c3.id, expectedRevision: c3.revision, quarter: '2026/27 Q1', status: 'NOT_ON_TRACK', commentary: 'Two case officers left in May; timeliness fell back' },
    });
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('shows each condition’s newest quarter in the DfE return’s words, with the board’s approval and the linked actions’ RAG', async () => {
    const page = await h.signedIn('dfe-adviser', '#/conditions');
    await page.locator('table.conditions-register tbody tr').first().waitFor();
    expect(await page.locator('table.conditions-register tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ref')))).toEqual(['C1', 'C2', 'C3', 'C4']);
    const statuses = await texts(page, 'td.condition-status');
    expect(statuses[1]).toMatch(/^Not on track in 2026\/27 Q1: Outturn £0\.5m above the trajectory.* \(approved by /);
    expect(statuses[2]).toBe('Not on track in 2026/27 Q1: Two case officers left in May; timeliness fell back (awaiting approval; the board approved “On track” (version 1))');
    expect(statuses[3]).toMatch(/^Met in 2026\/27 Q1: /);
    expect(await texts(page, 'tr[data-ref="C2"] ul.condition-actions li')).toEqual([expect.stringMatching(/^8\.1 /), expect.stringMatching(/^8\.2 .+ (Red|Amber|Green|Blue|Not yet rated)$/)]);
    // C2's money beside its actions and metric, in words: the demo links both High Needs Block lines.
    expect(await texts(page, 'tr[data-ref="C2"] ul.condition-measures li')).toEqual([
      expect.stringMatching(/^Metric: /),
      'High Needs Block cumulative deficit against the trajectory: £183.457m forecast for 31 March (2025/26 Q4) against the £183.000m trajectory: Amber',
      'High Needs Block in-year deficit against the budget: £70.200m in-year deficit forecast (2025/26 Q4) against £57.500m budgeted: over budget by £12.700m',
    ]);
    expect(await texts(page, 'tr[data-ref="C4"] ul.condition-measures li')).toEqual([]);
    await matchScreenshot(page, 'conditions');
    await page.close();
  });

  it('fits a phone without scrolling sideways, the register scrolling in its own box', async () => {
    const page = await h.signedIn('board-chair', '#/conditions');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('table.conditions-register').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });
});
