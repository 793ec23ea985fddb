/// <reference lib="dom" />
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { samplePdf, windowsProgram } from '../apps/api/src/evidence-files/sample-files.fixture';
import { ProjectionService } from '../apps/api/src/infrastructure/projection.service';
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';

jest.setTimeout(30_000);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describeInChromium('The dashboard in Chromium: evidence files', () => {
  let h: DashboardHarness;
  let action: { id: string; ownerUserId: string };

  async function openAction(userId: string): Promise<Page> {
    const page = await h.signedIn(userId, `#/actions/${action.id}`);
    await page.locator('.action-page').waitFor();
    await page.waitForLoadState('networkidle');
    return page;
  }

  beforeAll(async () => {
    h = await startDashboard();
    const { data } = await h.app.gql(`{ users(localAreaId: "demo-area") { id ownerId }
      actions(planId: "demo-plan", filter: { status: OPEN }, first: 100) { edges { node { id owner { id } } } } }`);
    action = data.actions.edges
      .map(({ node }: any) => ({ id: node.id, ownerUserId: data.users.find((u: any) => u.ownerId === node.owner.id)?.id }))
      .find((a: { ownerUserId?: string }) => a.ownerUserId);
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('lets the owner upload a PDF, and the DfE adviser download the same bytes', async () => {
    const pdf = samplePdf('Specialist places: 96 in 2025/26');
    const owner = await openAction(action.ownerUserId);
    await owner.getByLabel('Title').fill('Sufficiency places report');
    await owner.getByLabel('File: PDF, Word, Excel, PowerPoint or an image').setInputFiles({ name: 'Places 2025-26.pdf', mimeType: 'application/pdf', buffer: pdf });
    await owner.getByRole('button', { name: 'Attach evidence' }).click();
    const item = owner.locator('[data-evidence-status="PENDING"]', { hasText: 'Sufficiency places report' });
    await item.getByRole('button', { name: 'Download Places 2025-26.pdf' }).waitFor();
    expect(await item.textContent()).toContain(`SHA-256 ${sha256(pdf).slice(0, 12)}`);

    const adviser = await openAction('dfe-adviser');
    const [download] = await Promise.all([
      adviser.waitForEvent('download'),
      adviser.getByRole('button', { name: 'Download Places 2025-26.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Places 2025-26.pdf');
    expect(sha256(readFileSync((await download.path())!))).toBe(sha256(pdf));
  });

  it('shows the owner why a disguised program was refused, and attaches nothing', async () => {
    const before = (await h.app.allEvents()).length;
    const owner = await openAction(action.ownerUserId);
    await owner.getByLabel('Title').fill('Quarterly report');
    await owner.getByLabel('File: PDF, Word, Excel, PowerPoint or an image').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: windowsProgram() });
    await owner.getByRole('button', { name: 'Attach evidence' }).click();
    const alert = owner.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('"report.pdf" was refused: the content is a Windows program');
    expect(await h.app.allEvents()).toHaveLength(before);
  });

  it('shows a link recorded before links had to be web addresses as text, never as something to click', async () => {
    // The domain now refuses such a link; an event from before the rule is in the history for ever.
    const streamId = `action-${action.id}`;
    const head = (await h.app.store().readStream(streamId)).at(-1)!.revision;
    await h.app.store().appendToStream(
      streamId,
      [
        {
          id: '5c0ffee0-0000-4000-8000-00000000000a',
          type: 'EvidenceAttached',
          data: { actionId: action.id, evidenceId: 'ev-old-link', kind: 'ACTIVITY', title: 'Old scripted link', link: 'javascript:alert(document.domain)', documentReference: null, submittedBy: 'Alex Morgan', file: null },
          metadata: { schemaVersion: 2, occurredAt: '2026-01-05T09:00:00.000Z', commandId: 'old-link', correlationId: 'old-link', causationId: 'old-link', actor: null },
        },
      ],
      head,
    );
    await h.app.app.get(ProjectionService).caughtUpToHead();
    const page = await openAction('dfe-adviser');
    const item = page.locator('.evidence-list li', { hasText: 'Old scripted link' });
    await item.waitFor();
    expect(await item.textContent()).toContain('javascript:alert(document.domain)');
    expect(await item.locator('a[href^="javascript:"]').count()).toBe(0);
  });
});
