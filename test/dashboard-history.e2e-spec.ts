/// <reference lib="dom" />
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { auditPage } from './support/accessibility-audit';
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';
import { settle, texts } from './support/dashboard-page';

jest.setTimeout(30_000);

describeInChromium('The dashboard in Chromium: the history check', () => {
  let h: DashboardHarness;

  beforeAll(async () => {
    h = await startDashboard();
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('lets the DfE adviser check the history, shows the plan head the API gives, and confirms a head pasted back', async () => {
    const { verifyHistory } = (await h.app.gql(`{ verifyHistory(planId: "demo-plan") { ok planHead { position hash } } }`)).data;
    expect(verifyHistory.ok).toBe(true);
    const head = `${verifyHistory.planHead.position}:${verifyHistory.planHead.hash}`;

    const page = await h.signedIn('dfe-adviser', '#/history');
    expect(await texts(page, 'nav li a')).toContain('History check');
    await page.getByRole('button', { name: 'Check the history now' }).click();
    expect(await settle(() => texts(page, '[data-testid="verification-verdict"]'), ['The history holds'])).toEqual(['The history holds']);
    expect(await page.getByTestId('plan-head').textContent()).toBe(head);
    expect(await page.getByTestId('next-steps').count()).toBe(0);
    expect(await auditPage(page)).toEqual([]);

    await page.getByLabel('Chain head from a report (optional)').fill('280:not-a-hash');
    expect(await page.locator('#report-head-hint').textContent()).toContain('the 64-character hash');
    await page.getByLabel('Chain head from a report (optional)').fill(head.replace(/.$/, (c) => (c === '0' ? '1' : '0')));
    await page.getByRole('button', { name: 'Check the history now' }).click();
    expect(await settle(() => texts(page, '[data-testid="head-check"]'), [`The report's head at position ${verifyHistory.planHead.position} no longer matches.`])).toEqual([
      `The report's head at position ${verifyHistory.planHead.position} no longer matches.`,
    ]);
    await page.getByLabel('Chain head from a report (optional)').fill(head);
    await page.getByRole('button', { name: 'Check the history now' }).click();
    expect(await settle(() => texts(page, '[data-testid="head-check"]'), [`The report's head at position ${verifyHistory.planHead.position} still matches.`])).toEqual([
      `The report's head at position ${verifyHistory.planHead.position} still matches.`,
    ]);
    await page.close();
  });

  it('recomputes the whole history each time it is asked, so an old event edited after an earlier check shows as a break', async () => {
    const page = await h.signedIn('dfe-adviser', '#/history');
    await page.getByRole('button', { name: 'Check the history now' }).click();
    expect(await settle(() => texts(page, '[data-testid="verification-verdict"]'), ['The history holds'])).toEqual(['The history holds']);

    // The running api finds the edit too (its checks, the reads of the edited event) and logs it once as
    // an incident, when its own check gets to it: declared for the rest of the file, not withdrawn.
    h.app.expectErrors(/SECURITY: the recorded history does not verify/);
    const old = (await h.app.allEvents()).find((e) => e.type === 'ProgressReported')!;
    const db = new Database(join(h.app.dataDir, 'events.sqlite'));
    db.exec('DROP TRIGGER IF EXISTS events_are_append_only_update; DROP TRIGGER IF EXISTS events_are_append_only_delete;');
    const tamper = (data: string) => db.prepare('UPDATE events SET data = ? WHERE position = ?').run(data, String(old.position));
    try {
      tamper(JSON.stringify({ ...old.data, rag: old.data.rag === 'GREEN' ? 'RED' : 'GREEN' }));
      await page.getByRole('button', { name: 'Check the history now' }).click();
      expect(await settle(() => texts(page, '[data-testid="verification-verdict"]'), ['The history does not hold'])).toEqual(['The history does not hold']);
      expect(await page.getByText(`First break at position ${old.position}`).count()).toBe(1);
      // No head of the altered history to keep: what to do instead.
      expect(await page.getByTestId('plan-head').count()).toBe(0);
      expect(await page.getByText('Keep it to check against later').count()).toBe(0);
      const steps = await texts(page, '[data-testid="next-steps"] li');
      expect(steps).toHaveLength(4);
      expect(steps[0]).toContain(`Do not trust anything read from the history at or after position ${old.position}`);
      expect(steps[1]).toContain('npm run recover');
      expect(steps[3]).toContain('security incident');
      expect(await auditPage(page)).toEqual([]);
    } finally {
      tamper(JSON.stringify(old.data));
      db.close();
    }
    // The dashboard says so on every page while it stands (test/dashboard-history-break.e2e-spec.ts).
    expect(await page.locator('[data-history-banner]').count()).toBe(1);
    // Put back as it was, the history verifies again.
    await page.getByRole('button', { name: 'Check the history now' }).click();
    expect(await settle(() => texts(page, '[data-testid="verification-verdict"]'), ['The history holds'])).toEqual(['The history holds']);
    await page.close();
  });

  it('does not offer the check to an action owner, whom the API refuses', async () => {
    const page = await h.signedIn('tom.okafor');
    await page.locator('table.roll-up').waitFor();
    expect(await texts(page, 'nav li a')).not.toContain('History check');
    await page.close();
  });
});
