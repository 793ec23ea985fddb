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
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('table.roll-up tbody tr').first().waitFor();
    // The extra column must not push the grid into sideways scrolling on a laptop: the board reads it whole.
    expect(await page.locator('.table-scroll:has(table.roll-up)').evaluate((box) => box.scrollWidth - box.clientWidth)).toBe(0);
    const cells = await page.locator('table.roll-up tbody tr').evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('data-group')), Number(r.querySelector('td[data-at-risk]')?.textContent)]));
    expect(cells).toEqual(areas.map((a) => [a.number, a.atRiskFromDependencies]));
    await page.close();
  });

  it('puts the chains at risk on the meeting agenda, as the API puts them', async () => {
    const { meetings } = (await h.app.gql(`{ meetings(planId: "demo-plan") { id } }`)).data;
    const agenda = (await h.app.gql(`query ($id: ID!) { meetingAgenda(meetingId: $id) { slippingDependencies { action { ref } atRisk { action { ref } } } } }`, { id: meetings[meetings.length - 1].id })).data.meetingAgenda;
    expect(agenda.slippingDependencies).toEqual(network.slipping.map((s) => ({ action: { ref: s.action.ref }, atRisk: s.atRisk.map((r) => ({ action: { ref: r.action.ref } })) })));
    const page = await h.signedIn('dfe-adviser', '#/agenda');
    await page.locator('ul.chains-at-risk > li').first().waitFor();
    expect(await page.locator('ul.chains-at-risk > li').evaluateAll((items) => items.map((i) => i.getAttribute('data-slipping-ref')))).toEqual(network.slipping.map((s) => s.action.ref));
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

  it('lets the programme office record what an action waits for, refuses a loop in words, and removes it again; the adviser and the board see no form', async () => {
    const refs = async (ref: string) => (await h.app.gql(`{ action(planId: "demo-plan", ref: "${ref}") { id } }`)).data.action.id as string;
    const [transition, admissions] = [await refs('5.4'), await refs('5.1')];
    for (const reader of ['dfe-adviser', 'board-chair']) {
      const page = await h.signedIn(reader, `#/actions/${transition}`);
      await page.locator('section[aria-labelledby="dependencies"] h3').first().waitFor();
      expect({ reader, forms: await page.locator('[data-edit-control="declare-dependency"], .dependency-changes').count() }).toEqual({ reader, forms: 0 });
      await page.close();
    }

    const page = await h.signedIn('programme-office', `#/actions/${transition}`);
    await page.getByText('Change what this action waits for').click();
    const declare = page.locator('[data-edit-control="declare-dependency"]');
    await declare.waitFor();
    await declare.getByRole('button', { name: 'Record dependency' }).click();
    await page.getByText('Enter why this action waits for the other').first().waitFor();
    await declare.getByLabel('Waits for').selectOption({ label: '5.1 Redesign SEND admissions and placement decisions' });
    await declare.getByLabel('Why it waits').fill('The Year 6 to 7 protocol follows the new admissions criteria.');
    await declare.getByRole('button', { name: 'Record dependency' }).click();
    await page.getByText('Dependency recorded: 5.4 now waits for 5.1').waitFor();
    await page.locator('ul[data-list="depends-on"] > li').first().waitFor();
    expect((await texts(page, 'ul[data-list="depends-on"] > li')).map((l) => l.split(' ')[0])).toEqual(['5.1']);
    expect((await h.app.gql(`{ action(planId: "demo-plan", ref: "5.4") { dependsOn { dependsOn { ref } } } }`)).data.action.dependsOn).toEqual([{ dependsOn: { ref: '5.1' } }]);
    await page.close();

    // The other way round would be a loop: the API refuses it and the form says why, saving nothing.
    const upstream = await h.signedIn('programme-office', `#/actions/${admissions}`);
    await upstream.getByText('Change what this action waits for').click();
    const back = upstream.locator('[data-edit-control="declare-dependency"]');
    await back.waitFor();
    await back.getByLabel('Waits for').selectOption({ label: '5.4 Set up a cross-phase transition working group' });
    await back.getByLabel('Why it waits').fill('A loop');
    await back.getByRole('button', { name: 'Record dependency' }).click();
    await upstream.getByText('That would make a loop: an action would wait for itself').first().waitFor();
    expect((await h.app.gql(`{ action(planId: "demo-plan", ref: "5.1") { dependsOn { note } } }`)).data.action.dependsOn).toEqual([]);
    await upstream.close();

    const again = await h.signedIn('programme-office', `#/actions/${transition}`);
    await again.getByText('Change what this action waits for').click();
    const remove = again.locator('[data-edit-control="remove-dependency"]');
    await remove.waitFor();
    await remove.getByLabel('Why it no longer waits').fill('Agreed at the board: the protocol can go ahead on the current criteria.');
    await remove.getByRole('button', { name: 'Remove dependency' }).click();
    await again.getByText('Dependency removed: 5.4 no longer waits for 5.1').waitFor();
    expect((await h.app.gql(`{ action(planId: "demo-plan", ref: "5.4") { dependsOn { note } } }`)).data.action.dependsOn).toEqual([]);
    await again.close();
  });
});
