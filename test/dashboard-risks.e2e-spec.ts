/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';
import { matchScreenshot, texts } from './support/dashboard-page';

const REGISTER = `{ risks(planId: "demo-plan") { ref escalation current { likelihood impact score band } } }`;

describeInChromium('The dashboard in Chromium: the risk register', () => {
  let h: DashboardHarness;
  let risks: { ref: string; escalation: string[]; current: { likelihood: number; impact: number; score: number; band: string } }[];

  beforeAll(async () => {
    h = await startDashboard();
    risks = (await h.app.gql(REGISTER)).data.risks;
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('puts each open risk in its likelihood × impact cell, with the band in words, as the API scores it', async () => {
    expect(risks.length).toBeGreaterThanOrEqual(8);
    const page = await h.signedIn('board-chair', '#/risks');
    await page.locator('table.heat-map td.heat').first().waitFor();
    for (const risk of risks) {
      const cell = page.locator(`td[data-cell="${risk.current.likelihood}x${risk.current.impact}"]`);
      expect(await cell.locator('.heat-refs').textContent()).toContain(risk.ref);
      const word = { RED: 'Red', AMBER: 'Amber', GREEN: 'Green' }[risk.current.band];
      expect(await cell.locator('.heat-score').textContent()).toBe(`${risk.current.score} ${word}`);
    }
    // Every cell says its band, including the empty ones: 25 cells, the matrix of docs/risks.md.
    const scores = await texts(page, 'td.heat .heat-score');
    expect(scores).toHaveLength(25);
    expect(scores).toContain('15 Red');
    expect(scores).toContain('12 Amber');
    expect(scores).toContain('4 Green');
    await matchScreenshot(page, 'risks');
    await page.close();
  });

  it('lists on the board’s agenda exactly the risks the API escalates, and every open risk in the register', async () => {
    const page = await h.signedIn('dfe-adviser', '#/risks');
    await page.locator('table.risk-register tbody tr').first().waitFor();
    const agenda = await texts(page, 'ul.escalated-risks li');
    const escalated = risks.filter((r) => r.escalation.length > 0).map((r) => r.ref);
    expect(escalated.length).toBeGreaterThan(0);
    expect(agenda.map((line) => line.split(' ')[0])).toEqual(escalated);
    expect(agenda.find((line) => line.startsWith('R1 '))).toMatch(/score 15 or more; Rising \(up from \d+\)/);
    expect(await page.locator('table.risk-register tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ref')))).toEqual(risks.map((r) => r.ref));
    await page.close();
  });

  it('fits a phone without scrolling sideways, the heat map scrolling in its own box', async () => {
    const page = await h.signedIn('board-chair', '#/risks');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('table.heat-map').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('draws the register as it stood at a board meeting, as the API folds it from the risks’ events', async () => {
    const { meetings } = (await h.app.gql(`{ meetings(planId: "demo-plan") { id closed } }`)).data;
    const closed = meetings.filter((m: { closed: boolean }) => m.closed);
    const then = (await h.app.gql(`query ($m: ID) { risks(planId: "demo-plan", asAtMeeting: $m) { ref current { score } } }`, { m: closed[0].id })).data.risks;
    // The meeting must see a register other than today's, or the test would prove nothing.
    expect(then).not.toEqual(risks.map((r) => ({ ref: r.ref, current: { score: r.current.score } })));
    const page = await h.signedIn('board-chair', '#/risks');
    await page.locator('table.risk-register tbody tr').first().waitFor();
    await page.getByLabel('As at board meeting').selectOption({ index: 1 });
    await page.getByText('As known then (what the board was told)').waitFor();
    const scoreCells = async () => (await texts(page, 'table.risk-register tbody tr td:nth-child(3)')).map((t) => Number(t.split(' ')[0]));
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    expect(await page.locator('table.risk-register tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ref')))).toEqual(then.map((r: { ref: string }) => r.ref));
    expect(await scoreCells()).toEqual(then.map((r: { current: { score: number } }) => r.current.score));
    await page.close();
  });
});
