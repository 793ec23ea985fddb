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

  it('opens a risk from the register: the actions it names, its mitigations and scores, and the challenge thread about it', async () => {
    const { risk } = (await h.app.gql(`{ risk(planId: "demo-plan", ref: "R3") { id actionIds mitigations { id } scores { revision } } }`)).data;
    const threads = (await h.app.gql(`query ($id: ID) { challenges(planId: "demo-plan", subjectId: $id, statuses: [AWAITING_ANSWER, ANSWERED, RESOLVED]) { id status } }`, { id: risk.id })).data.challenges;
    // The demo's board member asked about R3 and the board resolved it; without a thread the test would prove nothing.
    expect(threads.map((t: { status: string }) => t.status)).toEqual(['RESOLVED']);
    const page = await h.signedIn('board-member', '#/risks');
    await page.locator('table.risk-register tbody tr[data-ref="R3"] a').click();
    await page.locator('.risk-page h1').waitFor();
    expect(await page.locator('.risk-page h1').textContent()).toContain('R3');
    const linked = await page.locator('ul[data-list="risk-actions"] > li a').evaluateAll((links) => links.map((a) => decodeURIComponent(a.getAttribute('href')!.split('/actions/')[1])));
    expect(linked.sort()).toEqual([...risk.actionIds].sort());
    expect(await page.locator('#risk-mitigations + * tbody tr').count()).toBe(risk.mitigations.length);
    expect(await page.locator('ol.risk-scores > li').count()).toBe(risk.scores.length);
    expect(await page.locator('li.thread').evaluateAll((items) => items.map((i) => i.getAttribute('data-status')))).toEqual(['RESOLVED']);
    // A board member may ask about the risk; the form is there, live.
    await page.getByLabel('Ask a question about this risk').waitFor();
    await page.close();
  });

  it('lists on an action’s page the open risks that name it', async () => {
    const risks: { ref: string; actionIds: string[] }[] = (await h.app.gql(`{ risks(planId: "demo-plan") { ref actionIds } }`)).data.risks;
    const { action } = (await h.app.gql(`{ action(planId: "demo-plan", ref: "8.2") { id } }`)).data;
    const expected = risks.filter((r) => r.actionIds.includes(action.id)).map((r) => r.ref);
    expect(expected.length).toBeGreaterThan(0);
    const page = await h.signedIn('dfe-adviser', `#/actions/${action.id}`);
    await page.locator('ul[data-list="action-risks"] > li').first().waitFor();
    expect((await texts(page, 'ul[data-list="action-risks"] > li')).map((l) => l.split(' ')[0])).toEqual(expected);
    await page.close();
  });
});
