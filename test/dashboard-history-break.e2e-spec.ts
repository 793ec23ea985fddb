/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import Database from 'better-sqlite3';
import { isStreamOf } from '@send/domain';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { auditPage } from './support/accessibility-audit';
import { axeViolations } from './support/axe-audit';
import { DashboardHarness, DEMO_TODAY, describeInChromium, startDashboard } from './support/dashboard-browser';
import { fillDate, settle, texts } from './support/dashboard-page';

jest.setTimeout(120_000);

const INTEGRITY = `query ($planId: ID!) { historyIntegrity(planId: $planId) { status writesRefused break { breakId revision detectedAt acknowledgement { reason acknowledgedBy } } } }`;
const SIZES = [
  { name: 'laptop', width: 1366, height: 768, large: false },
  { name: 'phone', width: 390, height: 844, large: false },
  { name: 'projector', width: 1280, height: 720, large: true },
] as const;

/** How far the page reaches past the window sideways (0 when nothing needs scrolling sideways). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
const bannerText = async (page: Page) => ((await page.locator('[data-history-banner]').textContent()) ?? '').replace(/\s+/g, ' ');

/**
 * Issue 26 in the browser: an event edited in the store behind the tracker's back. Every role sees
 * the banner on every page; the owner's change is refused as paused; the programme office
 * acknowledges with a reason and the banner says so; once the event is put back as it was
 * recorded, the banner goes.
 */
describeInChromium('The dashboard in Chromium: a history that does not verify', () => {
  let h: DashboardHarness;
  let owned: { id: string; ownerUserId: string };
  let edited: { position: bigint; data: Record<string, unknown> };

  function tamperEvents(sql: string, ...params: unknown[]): void {
    const db = new Database(join(h.app.dataDir, 'events.sqlite'));
    db.exec('DROP TRIGGER IF EXISTS events_are_append_only_update; DROP TRIGGER IF EXISTS events_are_append_only_delete;');
    db.prepare(sql).run(...params);
    db.close();
  }

  const integrity = async () => (await h.app.as('dfe-adviser').gql(INTEGRITY, { planId: 'demo-plan' })).data.historyIntegrity;

  async function signedInWithRequests(userId: string): Promise<{ page: Page; asked: string[] }> {
    const page = await h.newPage();
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) asked.push(String(JSON.parse(request.postData() ?? '{}').query ?? ''));
    });
    await page.goto(`${h.base}#token=${await h.app.token(userId)}`);
    await page.getByTestId('signed-in-as').waitFor();
    return { page, asked };
  }

  beforeAll(async () => {
    h = await startDashboard();
    // The running api logs the break once, as an incident (nobody has an address here, so the alert's failure is a warning).
    h.app.expectErrors(/SECURITY: the recorded history does not verify/);
    const { data } = await h.app.gql(`{ users(localAreaId: "demo-area") { id ownerId }
      actions(planId: "demo-plan", filter: { status: OPEN }, first: 100) { edges { node { id owner { id } } } } }`);
    const tom = data.users.find((u: any) => u.id === 'tom.okafor').ownerId;
    const actions = data.actions.edges.map((e: any) => e.node);
    owned = {
      id: actions.find((a: any) => a.owner.id === tom).id,
      ownerUserId: 'tom.okafor',
    };
    // A recorded measurement, not an action's update: the owner's page and the timeline the history
    // check compares stay readable, so what the owner meets is the stop on writing, not a refused read.
    const measurement = (await h.app.allEvents()).find((e) => isStreamOf('metric', e.streamId))!;
    edited = {
      position: measurement.position,
      data: measurement.data as Record<string, unknown>,
    };
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('shows no banner while the history verifies, and asks historyIntegrity once on load', async () => {
    const { page, asked } = await signedInWithRequests('board-member');
    await page.locator('table.roll-up').waitFor();
    await settle(async () => asked.some((q) => q.includes('historyIntegrity(planId')), true);
    expect(asked.filter((q) => q.includes('historyIntegrity(planId'))).toHaveLength(1);
    expect(await page.locator('[data-history-banner]').count()).toBe(0);
    await page.close();
  });

  it('marks every page for every role once an event is edited, and pauses the owner’s change', async () => {
    tamperEvents(
      'UPDATE events SET data = ? WHERE position = ?',
      JSON.stringify({ ...edited.data, edited: 'behind the tracker’s back' }),
      String(edited.position),
    );
    // The DfE adviser's full check finds it; the api then confirms it, records it and stops writes.
    const verified = await h.app.as('dfe-adviser').gql(`{ verifyHistory(planId: "demo-plan", full: true) { ok firstBreak { kind position } } }`);
    expect(verified.errors).toBeUndefined();
    expect(verified.data.verifyHistory).toMatchObject({
      ok: false,
      firstBreak: { kind: 'EDITED', position: String(edited.position) },
    });
    const recorded = await settle(async () => (await integrity()).break?.revision !== null, true, 10_000);
    expect(recorded).toBe(true);
    expect(await integrity()).toMatchObject({
      status: 'BROKEN',
      writesRefused: true,
      break: { breakId: `${edited.position}-edited`, acknowledgement: null },
    });

    for (const userId of ['dfe-adviser', 'board-member', 'tom.okafor', 'programme-office']) {
      // A view that reads nothing of its own: the banner is the dashboard's, from every answer and its own historyIntegrity call.
      const { page, asked } = await signedInWithRequests(userId);
      await page.evaluate(() => (window.location.hash = '#/no-such-view'));
      await page.locator('[data-history-banner="writes-refused"]').waitFor();
      expect(asked.some((q) => q.includes('historyIntegrity(planId'))).toBe(true);
      const text = await bannerText(page);
      expect({ userId, text }).toEqual({
        userId,
        text: expect.stringContaining('The recorded history does not verify'),
      });
      expect(text).toContain(`an event was changed after it was recorded (EDITED at position ${edited.position}), on 15 June 2026`);
      expect(text).toContain('Nothing this dashboard shows is vouched for');
      expect(text).toContain('Changes are paused');
      expect(text).toMatch(/e-mail/);
      if (userId === 'programme-office') expect(await page.locator('[data-history-banner] a[href="#/history"]').count()).toBe(1);
      else expect(text).toContain('contact your programme office');
      // On every view, not only the first.
      for (const view of ['#/', '#/actions', '#/risks']) {
        await page.evaluate((f) => (window.location.hash = f), view);
        await page.locator('main h1').first().waitFor();
        expect({
          userId,
          view,
          banners: await page.locator('[data-history-banner]').count(),
        }).toEqual({ userId, view, banners: 1 });
      }
      await page.close();
    }

    const before = (await h.app.allEvents()).length;
    const owner = await h.signedIn(owned.ownerUserId, `#/actions/${owned.id}`);
    await owner.getByLabel('Commentary').fill('Caseload review moved to July.');
    await fillDate(owner, 'As at', DEMO_TODAY);
    await owner.getByRole('button', { name: 'Save progress update' }).click();
    await owner.getByTestId('history-broken-hint').waitFor();
    expect(await owner.getByTestId('history-broken-hint').textContent()).toContain(
      'Changes are paused because the recorded history does not verify, so nothing was changed',
    );
    expect(await owner.locator('.error-message .error-title').textContent()).toBe('The update was not saved');
    expect((await h.app.allEvents()).length).toBe(before);
    await owner.close();
  });

  it('passes axe and needs no sideways scrolling with the banner, on a laptop, a phone and a projector', async () => {
    const page = await h.signedIn('board-chair');
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      const toggle = page.getByRole('button', { name: 'Large display' });
      if ((await toggle.getAttribute('aria-pressed')) !== String(size.large)) await toggle.click();
      await page.evaluate(() => (window.location.hash = '#/'));
      await page.locator('table.roll-up tbody tr').first().waitFor();
      await page.locator('[data-history-banner]').waitFor();
      await page.waitForLoadState('networkidle');
      expect({
        size: size.name,
        overflow: await sidewaysOverflow(page),
        axe: await axeViolations(page),
        audit: await auditPage(page),
      }).toEqual({
        size: size.name,
        overflow: 0,
        axe: [],
        audit: [],
      });
    }
    await page.close();
  });

  it('lets the programme office acknowledge with a reason: a blank one or a stale one is named in the error summary, and the banner then says who and why', async () => {
    const page = await h.signedIn('programme-office', '#/history');
    const stale = await h.signedIn('programme-office', '#/history');
    for (const p of [page, stale]) await p.getByRole('button', { name: 'Acknowledge the break' }).waitFor();

    await page.getByRole('button', { name: 'Acknowledge the break' }).click();
    await page.locator('.error-summary li').first().waitFor();
    expect(await texts(page, '.error-summary li')).toEqual([expect.stringContaining('Enter why changes may go on')]);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await page.getByLabel('Why may changes go on?').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Why may changes go on?').fill('x'.repeat(2001));
    await page.getByRole('button', { name: 'Acknowledge the break' }).click();
    await page.getByText('The reason must be 2,000 characters or fewer').first().waitFor();

    const reason = 'Reported to the security team; restoring from last night’s backup at 6pm.';
    await page.getByLabel('Why may changes go on?').fill(reason);
    await page.getByRole('button', { name: 'Acknowledge the break' }).click();
    await page.locator('[data-history-banner="acknowledged"]').waitFor();
    const text = await bannerText(page);
    expect(text).toContain('The programme office has acknowledged the break');
    await settle(async () => (await bannerText(page)).includes(reason), true);
    expect(await bannerText(page)).toContain(`(SEND Improvement Programme Office, 15 June 2026 at 11:00am): “${reason}” Changes can be made again`);
    expect(await bannerText(page)).toContain('Changes can be made again');
    expect(await page.locator('[data-notification]').textContent()).toContain('Break acknowledged: changes can be made again');
    expect(await page.getByRole('button', { name: 'Acknowledge the break' }).count()).toBe(0);
    expect(await integrity()).toMatchObject({
      writesRefused: false,
      break: {
        acknowledgement: {
          reason,
          acknowledgedBy: 'SEND Improvement Programme Office',
        },
      },
    });
    expect(await axeViolations(page)).toEqual([]);

    // The other tab still shows the form with the revision it loaded: the API refuses it, and the summary says why.
    await stale.getByLabel('Why may changes go on?').fill('Acknowledging again');
    await stale.getByRole('button', { name: 'Acknowledge the break' }).click();
    await stale.locator('.error-summary li').first().waitFor();
    expect(await texts(stale, '.error-summary li')).toEqual([expect.stringContaining('Someone acknowledged or changed the break')]);
    await stale.locator('[data-history-banner="acknowledged"]').waitFor();
    expect(await stale.getByTestId('break-acknowledgement').textContent()).toContain(reason);
    await stale.close();

    // Writing goes on over the acknowledged break: the owner's update is taken.
    const owner = await h.signedIn(owned.ownerUserId, `#/actions/${owned.id}`);
    await owner.locator('[data-history-banner="acknowledged"]').waitFor();
    await owner.getByLabel('Commentary').fill('Caseload review moved to July.');
    await fillDate(owner, 'As at', DEMO_TODAY);
    await owner.getByRole('button', { name: 'Save progress update' }).click();
    await owner.locator('[data-notification]').waitFor();
    expect(await owner.getByTestId('history-broken-hint').count()).toBe(0);
    await owner.close();
    await page.close();
  });

  it('takes the banner away once answers stop carrying the mark (the edited event put back as it was recorded)', async () => {
    const page = await h.signedIn('dfe-adviser');
    await page.locator('[data-history-banner]').waitFor();
    tamperEvents('UPDATE events SET data = ? WHERE position = ?', JSON.stringify(edited.data), String(edited.position));
    // The adviser's own full check on the history page: its answer no longer carries the mark.
    await page.evaluate(() => (window.location.hash = '#/history'));
    await page.getByRole('button', { name: 'Check the history now' }).click();
    expect(await settle(() => texts(page, '[data-testid="verification-verdict"]'), ['The history holds'])).toEqual(['The history holds']);
    expect(await settle(() => page.locator('[data-history-banner]').count(), 0)).toBe(0);
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.locator('table.roll-up tbody tr').first().waitFor();
    expect(await page.locator('[data-history-banner]').count()).toBe(0);
    await page.close();
  });
});
