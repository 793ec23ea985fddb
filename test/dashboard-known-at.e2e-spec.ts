/// <reference lib="dom" />
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';
import { settle, tiles } from './support/dashboard-page';

jest.setTimeout(60_000);

const PLAN_AT = `query ($meetingId: ID!, $knownAt: String) { plan(id: "demo-plan", asAtMeeting: $meetingId, knownAt: $knownAt) {
  rollUp { red } actions(first: 100) { edges { node { id rag timeline { revision eventType changes { field to } } } } } } }`;
const CORRECT = `mutation ($input: CorrectProgressInput!) { correctProgress(input: $input) { id revision } }`;
const RAG_SETTERS = ['ProgressReported', 'ProgressCorrected', 'ActionCompleted', 'ActionReopened'];

/**
 * After a board meeting, the programme office corrects an update the board was shown. The
 * dashboard's as-at control then shows the meeting as the board was told, or as now known.
 */
describeInChromium('The dashboard in Chromium: as known then, or as now known', () => {
  let h: DashboardHarness;
  beforeAll(async () => {
    h = await startDashboard();
  }, 120_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('switches a meeting between what the board was told and what is now known, and the timeline marks the correction', async () => {
    const { meetings } = (await h.app.gql(`{ meetings(planId: "demo-plan") { id title closed } }`)).data;
    const meeting = meetings.find((m: any) => m.closed);
    const toldAnswer = await h.app.gql(PLAN_AT, { meetingId: meeting.id });
    expect(toldAnswer.errors).toBeUndefined();
    const told = toldAnswer.data.plan;
    // An amber or green action whose rating at the meeting came from a plain progress update.
    const candidate = told.actions.edges
      .map((e: any) => e.node)
      .map((a: any) => ({ ...a, setter: a.timeline.filter((t: any) => RAG_SETTERS.includes(t.eventType)).at(-1) }))
      .find((a: any) => ['AMBER', 'GREEN'].includes(a.rag) && a.setter?.eventType === 'ProgressReported');
    expect(candidate).toBeDefined();
    const live = (await h.app.gql(`{ action(id: "${candidate.id}") { revision } }`)).data.action;
    const corrected = await h.app.as('programme-office').gql(CORRECT, {
      input: {
        actionId: candidate.id,
        expectedRevision: live.revision,
        supersedesRevision: candidate.setter.revision,
        rag: 'RED',
        commentary: 'The update shown to the board left out the forecast gap.',
        asAt: candidate.setter.changes.find((c: any) => c.field === 'asAt').to,
        reason: 'Forecast gap omitted',
      },
    });
    expect(corrected.errors).toBeUndefined();
    const known = (await h.app.gql(PLAN_AT, { meetingId: meeting.id, knownAt: 'now' })).data.plan;
    expect(known.rollUp.red).toBe(told.rollUp.red + 1);

    const page = await h.signedIn('dfe-adviser');
    await page.locator('.figure-tile').first().waitFor();
    await page.selectOption('#as-at-meeting', meeting.id);
    const red = async () => (await tiles(page))['Red actions'];
    expect(await settle(red, String(told.rollUp.red))).toBe(String(told.rollUp.red));
    expect(await page.getByLabel('As known then (what the board was told)').isChecked()).toBe(true);
    expect(await page.locator('[data-as-at]').textContent()).toContain('as known then');

    await page.getByLabel('As now known (with later corrections)').check();
    expect(await settle(red, String(known.rollUp.red))).toBe(String(known.rollUp.red));
    expect(await page.locator('[data-as-at]').textContent()).toContain('as now known');

    await page.evaluate((id) => (window.location.hash = `#/actions/${id}`), candidate.id);
    const marker = page.locator('.timeline .superseded');
    await marker.first().waitFor();
    expect(await marker.first().textContent()).toContain('Corrected later');
    expect(await page.locator('.timeline').textContent()).toContain(`Corrects revision ${candidate.setter.revision}; recorded`);

    await page.getByLabel('As known then (what the board was told)').check();
    await page.getByRole('link', { name: 'Overview' }).click();
    expect(await settle(red, String(told.rollUp.red))).toBe(String(told.rollUp.red));
  });
});
