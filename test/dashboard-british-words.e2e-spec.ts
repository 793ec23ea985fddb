/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';
import { texts } from './support/dashboard-page';

jest.setTimeout(30_000);

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const LONG_DATE = /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/;
const SHORT_DATE = /^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$/;

const TIMELINES = `{ actions(planId: "demo-plan", first: 100) { edges { node { id ref timeline { eventType changes { field from to } } } } } }`;

describeInChromium('The dashboard in Chromium: British dates and the board words', () => {
  let h: DashboardHarness;

  beforeAll(async () => {
    h = await startDashboard();
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('says the page is British English and writes dates GOV.UK style, short in the action list', async () => {
    const page = await h.signedIn('board-chair');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-GB');
    const lede = await page.locator('main .lede').textContent();
    expect(lede).toMatch(new RegExp(`approved ${LONG_DATE.source}`));
    expect(lede).not.toMatch(ISO_DATE);

    await page.evaluate(() => (window.location.hash = '#/actions'));
    await page.locator('tr[data-action-ref]').first().waitFor();
    const dueDates = await texts(page, 'tr[data-action-ref] td:nth-child(5)');
    expect(dueDates.length).toBeGreaterThan(10);
    expect(dueDates.filter((d) => !SHORT_DATE.test(d))).toEqual([]);
    await page.close();
  });

  it('tells each action its history in the board words: no raw field or enum names, no ISO dates, no invented "from"', async () => {
    const actions: { id: string; ref: string; timeline: { eventType: string; changes: { field: string }[] }[] }[] = (await h.app.gql(TIMELINES)).data.actions.edges.map(
      (e: { node: unknown }) => e.node,
    );
    // The action whose timeline has the most kinds of change: progress, corrections, decisions.
    const richest = [...actions].sort((a, b) => new Set(b.timeline.flatMap((t) => t.changes.map((c) => c.field))).size - new Set(a.timeline.flatMap((t) => t.changes.map((c) => c.field))).size)[0];
    const fields = new Set(richest.timeline.flatMap((t) => t.changes.map((c) => c.field)));
    expect([...fields]).toEqual(expect.arrayContaining(['rag', 'asAt', 'commentary']));

    const page = await h.signedIn('board-chair', `#/actions/${richest.id}`);
    await page.locator('ol.timeline li').first().waitFor();
    // Older entries come a page at a time; every line is checked.
    const older = page.getByRole('button', { name: 'Show older entries' });
    while ((await older.count()) > 0) {
      const shown = await page.locator('ol.timeline li').count();
      await older.click();
      await page.waitForFunction((before) => document.querySelectorAll('ol.timeline li').length > before, shown);
    }
    const lines = await texts(page, 'ol.timeline li');
    expect(lines).toHaveLength(richest.timeline.length);
    const rawWords = /\b(commentary|asAt|dueDate|rag|decision|evidence\.status|status|owner):|— →|NOT_YET_RATED|EVIDENCE_ACCEPTED|[A-Z]+_[A-Z_]+/;
    expect(lines.filter((l) => rawWords.test(l))).toEqual([]);
    expect(lines.filter((l) => ISO_DATE.test(l))).toEqual([]);
    expect(lines.every((l) => LONG_DATE.test(l))).toBe(true);
    expect(lines.some((l) => /RAG: (Not yet rated|Red|Amber|Green|Blue) → (Red|Amber|Green|Blue)/.test(l))).toBe(true);
    const details = await page.locator('dl.details').textContent();
    expect(details).not.toMatch(ISO_DATE);
    await page.close();
  });
});
