/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import type { Page } from 'playwright-core';
import { DashboardHarness, DEMO_TODAY, describeInChromium, startDashboard } from './support/dashboard-browser';
import { fillDate, matchScreenshot, settle, texts } from './support/dashboard-page';

jest.setTimeout(30_000);

const ACTION_QUERY = `query ($id: ID!) { action(id: $id) { ref rag latestCommentary lastAsAt revision
  evidence { id title status reviewedBy } timeline { summary actor { userId } } } }`;
const ATTACH = `mutation ($input: AttachEvidenceInput!) { attachEvidence(input: $input) { revision evidence { id title } } }`;

interface OwnedAction {
  id: string;
  ref: string;
  ownerUserId: string;
}

/** Controls that change something; the read-only views (filters, as-at) are not among them. */
/** Controls that change the plan; a challenge thread's question box is not one (docs/challenges.md). */
const editControls = (page: Page) => page.locator('[data-edit-control], textarea:not([data-challenge-turn]), button:has-text("Accept"), button:has-text("Save")').count();

describeInChromium('The dashboard in Chromium: signing in and making changes', () => {
  let h: DashboardHarness;
  let owned: OwnedAction;
  let other: OwnedAction;

  /** Open actions with the demo user who owns each, found through the API as any client would. */
  async function openActionsWithOwners(): Promise<OwnedAction[]> {
    const { data } = await h.app.gql(`{ users(localAreaId: "demo-area") { id ownerId }
      actions(planId: "demo-plan", filter: { status: OPEN }, first: 100) { edges { node { id ref owner { id } } } } }`);
    return data.actions.edges.map(({ node }: any) => ({
      id: node.id,
      ref: node.ref,
      ownerUserId: data.users.find((u: any) => u.ownerId === node.owner.id)?.id,
    }));
  }

  async function openAction(userId: string, actionId: string): Promise<Page> {
    const page = await h.signedIn(userId, `#/actions/${actionId}`);
    await page.locator('.action-page').waitFor();
    await page.waitForLoadState('networkidle');
    return page;
  }

  beforeAll(async () => {
    h = await startDashboard();
    const actions = await openActionsWithOwners();
    owned = actions.find((a) => a.ownerUserId)!;
    other = actions.find((a) => a.ownerUserId && a.ownerUserId !== owned.ownerUserId)!;
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('signs in with a pasted token, refuses a forged one, and signing out forgets the token', async () => {
    const page = await h.newPage();
    await page.goto(h.base);
    // The e-mail form comes first in the embedded mode; the token form is one click away.
    await page.getByText('Sign in with an access token').click();
    await page.getByLabel('Access token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('not valid here');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

    await page.getByLabel('Access token').fill(`Bearer ${await h.app.token('board-member')}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('board member');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('E-mail address').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.reload();
    await page.getByLabel('E-mail address').waitFor();
  });

  it('lets an owner report progress on their action and shows it on the page and in the timeline', async () => {
    const page = await openAction(owned.ownerUserId, owned.id);
    const commentary = 'The supplier moved the automated extract to July; the board pack is still compiled by hand.';
    await page.getByLabel('RAG rating').selectOption('RED');
    await page.getByLabel('Commentary').fill(commentary);
    await fillDate(page, 'As at', DEMO_TODAY);
    await page.getByRole('button', { name: 'Save progress update' }).click();

    const latest = await settle(async () => (await page.locator('.details').textContent())?.includes(commentary), true);
    expect(latest).toBe(true);
    expect(await page.locator('h1 .rag').textContent()).toBe('Red');
    expect((await texts(page, '.timeline li'))[0]).toContain(commentary);

    const { action } = (await h.app.gql(ACTION_QUERY, { id: owned.id })).data;
    expect(action).toMatchObject({ rag: 'RED', latestCommentary: commentary, lastAsAt: DEMO_TODAY });
    expect(action.timeline[action.timeline.length - 1].actor.userId).toBe(owned.ownerUserId);
    await matchScreenshot(page, 'action');
  });

  it('lets an owner attach evidence and a board member accept it and return another', async () => {
    const owner = await openAction(owned.ownerUserId, owned.id);
    await owner.getByLabel('Kind of evidence').selectOption('IMPACT');
    await owner.getByLabel('Title').fill('Inclusion adviser caseload report');
    await owner.getByLabel('Document reference, e.g. SIB 2026-09 paper 4').fill('SIB 2026-06 paper 3');
    await owner.getByRole('button', { name: 'Attach evidence' }).click();
    await owner.locator('[data-evidence-status="PENDING"]', { hasText: 'Inclusion adviser caseload report' }).waitFor();
    await owner.getByLabel('Title').fill('Draft adviser job description');
    await owner.getByLabel('Document reference, e.g. SIB 2026-09 paper 4').fill('SIB 2026-06 paper 4');
    await owner.getByRole('button', { name: 'Attach evidence' }).click();
    await owner.locator('[data-evidence-status="PENDING"]', { hasText: 'Draft adviser job description' }).waitFor();

    const board = await openAction('board-member', owned.id);
    await board.getByRole('button', { name: 'Accept “Inclusion adviser caseload report”' }).click();
    await board.locator('[data-evidence-status="ACCEPTED"]', { hasText: 'Inclusion adviser caseload report' }).waitFor();
    const pending = board.locator('[data-evidence-status="PENDING"]', { hasText: 'Draft adviser job description' });
    await pending.getByLabel('Reason for returning it').fill('Shows activity only; bring the caseload figures.');
    await pending.getByRole('button', { name: 'Return to owner' }).click();
    await board.locator('[data-evidence-status="REJECTED"]', { hasText: 'Shows activity only' }).waitFor();

    const { action } = (await h.app.gql(ACTION_QUERY, { id: owned.id })).data;
    const byTitle = Object.fromEntries(action.evidence.map((e: any) => [e.title, e]));
    expect(byTitle['Inclusion adviser caseload report']).toMatchObject({ status: 'ACCEPTED', reviewedBy: 'Cllr Priya Shah (board member)' });
    expect(byTitle['Draft adviser job description'].status).toBe('REJECTED');
  });

  it('shows the DfE adviser no editing controls where the owner and the board have them, and the API refuses them anyway', async () => {
    const { action } = (await h.app.gql(ACTION_QUERY, { id: other.id })).data;
    const attached = await h.app.as(other.ownerUserId).gql(ATTACH, {
      input: { actionId: other.id, expectedRevision: action.revision, kind: 'ACTIVITY', title: 'Pending for review', documentReference: 'SIB paper 9', submittedBy: 'Owner' },
    });
    expect(attached.errors).toBeUndefined();

    const owner = await openAction(other.ownerUserId, other.id);
    expect(await owner.locator('[data-edit-control="report-progress"]').count()).toBe(1);
    expect(await owner.locator('[data-edit-control="attach-evidence"]').count()).toBe(1);
    expect(await owner.locator('[data-edit-control="review-evidence"]').count()).toBe(0);
    const board = await openAction('board-chair', other.id);
    expect(await board.locator('[data-edit-control="review-evidence"]').count()).toBeGreaterThan(0);
    expect(await board.locator('[data-edit-control="report-progress"]').count()).toBe(0);
    const someoneElse = await openAction(owned.ownerUserId, other.id);
    expect(await editControls(someoneElse)).toBe(0);

    const adviser = await openAction('dfe-adviser', other.id);
    expect(await adviser.locator('[data-evidence-status="PENDING"]').count()).toBeGreaterThan(0);
    expect(await editControls(adviser)).toBe(0);
    // The one thing the adviser may record: a question for the board's challenge threads.
    expect(await adviser.locator('textarea[data-challenge-turn]').count()).toBe(1);
    for (const view of ['#/', '#/actions', '#/movement', '#/scorecard']) {
      await adviser.evaluate((f) => (window.location.hash = f), view);
      await adviser.waitForLoadState('networkidle');
      expect({ view, controls: await editControls(adviser) }).toEqual({ view, controls: 0 });
    }
    const refused = await h.app.as('dfe-adviser').gql(ATTACH, {
      input: { actionId: other.id, expectedRevision: action.revision + 1, kind: 'ACTIVITY', title: 'X', documentReference: 'Y', submittedBy: 'Z' },
    });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('hides the owner’s controls while they look at the plan as it was', async () => {
    const page = await openAction(owned.ownerUserId, owned.id);
    expect(await editControls(page)).toBeGreaterThan(0);
    await fillDate(page, 'As at date', '2026-05-01');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    expect(await settle(() => editControls(page), 0)).toBe(0);
    expect(await page.locator('[data-as-at]').textContent()).toContain('Editing is off');
    // Still the action, as it was then: the controls went because it is the past, not because it vanished.
    expect(await page.locator('.action-page h1').textContent()).toContain(owned.ref);
  });
});
