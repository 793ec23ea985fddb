/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';
import { matchScreenshot, texts } from './support/dashboard-page';

const NETWORK = `query ($m: ID) { plan(id: "demo-plan", asAtMeeting: $m) { dependencies {
  dependencies { action { ref } }
  slipping { action { id ref } reasons atRisk { action { id ref } chain } } } } }`;

type Network = { dependencies: { action: { ref: string } }[]; slipping: { action: { id: string; ref: string }; reasons: string[]; atRisk: { action: { id: string; ref: string }; chain: string[] }[] }[] };

describeInChromium('The dashboard in Chromium: dependencies between actions', () => {
  let h: DashboardHarness;
  let network: Network;

  beforeAll(async () => {
    h = await startDashboard();
    network = (await h.app.gql(NETWORK)).data.plan.dependencies;
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('lists each slipping action with what it puts at risk, and every dependency, as the API answers', async () => {
    // The demo must have a chain at risk, or the test would prove nothing.
    expect(network.slipping.length).toBeGreaterThan(0);
    const page = await h.signedIn('board-chair', '#/dependencies');
    await page.locator('table.dependency-table tbody tr').first().waitFor();
    expect(await page.locator('ul.chains-at-risk > li').evaluateAll((items) => items.map((i) => i.getAttribute('data-slipping-ref')))).toEqual(network.slipping.map((s) => s.action.ref));
    const [first] = network.slipping;
    const lines = await texts(page, `li[data-slipping-ref="${first.action.ref}"] ul li`);
    expect(lines.map((l) => l.split(' ')[0])).toEqual(first.atRisk.map((r) => r.action.ref));
    const through = first.atRisk.find((r) => r.chain.length > 2);
    expect(through && lines.find((l) => l.startsWith(`${through.action.ref} `))).toContain(`(waits for it through ${through!.chain.slice(1, -1).join(' and ')})`);
    expect(await page.locator('li[data-slipping-ref="5.1"] > p').first().textContent()).toMatch(/due date moved from \d{1,2} \w+ \d{4} to \d{1,2} \w+ \d{4}/);
    expect(await page.locator('table.dependency-table tbody tr').count()).toBe(network.dependencies.length);
    await matchScreenshot(page, 'dependencies');
    await page.close();
  });

  it('warns on an action’s page that it is at risk, naming the chain, and shows both directions', async () => {
    const atRisk = network.slipping[0].atRisk.find((r) => r.chain.length > 2)!;
    const page = await h.signedIn('dfe-adviser', `#/actions/${atRisk.action.id}`);
    const warning = page.locator('.warning-callout');
    await warning.waitFor();
    expect(await warning.getAttribute('data-at-risk-from')).toBe(network.slipping[0].action.ref);
    expect(await warning.textContent()).toContain(`(through ${atRisk.chain.slice(1, -1).join(' and ')})`);
    const waitsFor = await texts(page, 'ul[data-list="depends-on"] > li');
    expect(waitsFor.map((l) => l.split(' ')[0]).sort()).toEqual(['6.1', '6.3']);
    await page.close();

    const upstream = await h.signedIn('dfe-adviser', `#/actions/${network.slipping[0].action.id}`);
    await upstream.locator('ul[data-list="dependents"]').waitFor();
    expect((await texts(upstream, 'ul[data-list="dependents"] > li')).map((l) => l.split(' ')[0])).toEqual(['6.3']);
    expect(await upstream.locator('.warning-callout').count()).toBe(0);
    await upstream.close();
  });

  it('flags the actions at risk in the action list', async () => {
    const page = await h.signedIn('board-member', '#/actions?area=6');
    await page.locator('table.action-list tbody tr').first().waitFor();
    const flagged = await page.locator('tr:has(.flag-at-risk)').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-action-ref'), r.querySelector('.flag-at-risk')?.textContent]));
    const expected = network.slipping.flatMap((s) => s.atRisk.map((r) => [r.action.ref, `at risk from ${s.action.ref}`])).filter(([ref]) => ref.startsWith('6.'));
    expect(flagged).toEqual(expected.sort());
    await page.close();
  });

  it('counts the actions at risk beside each area’s roll-up on the overview, as the API does', async () => {
    const areas: { number: number; atRiskFromDependencies: number }[] = (await h.app.gql(`{ plan(id: "demo-plan") { areas { number atRiskFromDependencies } } }`)).data.plan.areas;
    expect(areas.reduce((sum, a) => sum + a.atRiskFromDependencies, 0)).toBe(network.slipping.reduce((sum, s) => sum + s.atRisk.length, 0));
    const page = await h.signedIn('board-chair', '#/');
    await page.locator('table.roll-up tbody tr').first().waitFor();
    const cells = await page.locator('table.roll-up tbody tr').evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('data-group')), Number(r.querySelector('td[data-at-risk]')?.textContent)]));
    expect(cells).toEqual(areas.map((a) => [a.number, a.atRiskFromDependencies]));
    await page.close();
  });

  it('shows the dependencies as they stood at the first board meeting, before 5.1 moved', async () => {
    const { meetings } = (await h.app.gql(`{ meetings(planId: "demo-plan") { id closed } }`)).data;
    const firstClosed = meetings.find((m: { closed: boolean }) => m.closed).id;
    const then: Network = (await h.app.gql(NETWORK, { m: firstClosed })).data.plan.dependencies;
    const slippingThen = then.slipping.map((s) => s.action.ref);
    // The meeting must see other chains than today's, or the test would prove nothing.
    expect(slippingThen).not.toContain('5.1');
    expect(slippingThen).not.toEqual(network.slipping.map((s) => s.action.ref));
    const page = await h.signedIn('board-chair', '#/dependencies');
    await page.locator('ul.chains-at-risk').waitFor();
    await page.getByLabel('As at board meeting').selectOption({ index: 1 });
    await page.getByText('As known then (what the board was told)').waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    expect(await page.locator('ul.chains-at-risk > li').evaluateAll((items) => items.map((i) => i.getAttribute('data-slipping-ref')))).toEqual(slippingThen);
    expect(await page.locator('table.dependency-table tbody tr').count()).toBe(then.dependencies.length);
    await page.close();
  });
});
