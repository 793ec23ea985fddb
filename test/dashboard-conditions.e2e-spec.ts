/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';
import { matchScreenshot, texts } from './support/dashboard-page';

const op = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { id revision } }`;

describeInChromium('The dashboard in Chromium: the conditions register', () => {
  let h: DashboardHarness;

  beforeAll(async () => {
    h = await startDashboard();
    const action = (await h.app.gql(`{ action(planId: "demo-plan", ref: "8.2") { id } }`)).data.action;
    const add = async (ref: string, text: string) =>
      (
        await h.app.gql(op('addCondition', 'AddConditionInput'), {
          input: { planId: 'demo-plan', ref, text, sourceParagraph: 'Paragraph 8', measureOfSuccess: 'Forecast outturn at or below the trajectory', dueDate: '2027-03-31', actionIds: [action.id] },
        })
      ).data.addCondition;
    const c1 = await add('C1', 'Agree a deficit recovery plan with the DfE');
    const c2 = await add('C2', 'Bring the in-year High Needs Block deficit down to the trajectory');
    await h.app.gql(op('recordConditionStatus', 'RecordConditionStatusInput'), { input: { conditionId: c1.id, expectedRevision: c1.revision, quarter: '2026/27 Q1', status: 'MET', commentary: 'Plan agreed in May' } });
    await h.app.gql(op('recordConditionStatus', 'RecordConditionStatusInput'), {
      input: { conditionId: c2.id, expectedRevision: c2.revision, quarter: '2026/27 Q1', status: 'NOT_ON_TRACK', commentary: 'Forecast gap of £71m against a budgeted £57.5m' },
    });
    await h.app.gql(op('approveConditionStatus', 'ApproveConditionStatusInput'), { input: { conditionId: c1.id, expectedRevision: c1.revision + 1, quarter: '2026/27 Q1', version: 1 } });
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('shows each condition’s newest quarter in the DfE return’s words, with the board’s approval and the linked actions’ RAG', async () => {
    const page = await h.signedIn('dfe-adviser', '#/conditions');
    await page.locator('table.conditions-register tbody tr').first().waitFor();
    expect(await page.locator('table.conditions-register tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ref')))).toEqual(['C1', 'C2']);
    const statuses = await texts(page, 'td.condition-status');
    expect(statuses[0]).toMatch(/^Met in 2026\/27 Q1: Plan agreed in May \(approved by /);
    expect(statuses[1]).toBe('Not on track in 2026/27 Q1: Forecast gap of £71m against a budgeted £57.5m (awaiting the board chair’s approval)');
    expect((await texts(page, 'ul.condition-actions li'))[0]).toMatch(/^8\.2 .+ (Red|Amber|Green|Blue|Not yet rated)$/);
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
