/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';
import { texts } from './support/dashboard-page';

/** How the demo names its people's sign-ins: "Helen Marsh" signs in as helen.marsh. */
const userIdOf = (name: string) => name.replace(/^Dr /, '').toLowerCase().replace(/[^a-z]+/g, '.');

describeInChromium('The dashboard in Chromium: challenge and response on an action', () => {
  let h: DashboardHarness;
  let action: { id: string; owner: { name: string } };

  beforeAll(async () => {
    h = await startDashboard();
    action = (await h.app.gql(`{ action(planId: "demo-plan", ref: "8.2") { id owner { name } } }`)).data.action;
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  const threadStatuses = async () => (await h.app.gql(`{ challenges(planId: "demo-plan", subjectId: "${action.id}", statuses: [AWAITING_ANSWER, ANSWERED, RESOLVED]) { status } }`)).data.challenges.map((c: { status: string }) => c.status);

  it('shows the DfE adviser’s open question to the owner, who answers it on the page; the board then resolves it', async () => {
    expect(await threadStatuses()).toEqual(['AWAITING_ANSWER']);

    const adviser = await h.signedIn('dfe-adviser', `#/actions/${action.id}`);
    await adviser.locator('li.thread').first().waitFor();
    expect(await texts(adviser, 'li.thread .thread-messages li')).toEqual([expect.stringMatching(/^Question from DfE SEND adviser, \d{1,2} \w+ \d{4} at \d{1,2}:\d{2}[ap]m: How does the recovery plan close a £71m forecast gap/)]);
    // The adviser may ask, never answer or resolve.
    expect(await adviser.getByRole('button', { name: 'Ask the question' }).count()).toBe(1);
    expect(await adviser.getByRole('button', { name: /Send answer|Mark resolved/ }).count()).toBe(0);
    await adviser.close();

    const owner = await h.signedIn(userIdOf(action.owner.name), `#/actions/${action.id}`);
    await owner.getByLabel('Your answer').fill('Through the placement panel and the £1.2m moved from the schools block; see paper 5.');
    await owner.getByRole('button', { name: 'Send answer' }).click();
    await owner.locator('li.thread[data-status="ANSWERED"]').waitFor();
    expect(await owner.getByRole('button', { name: 'Mark resolved' }).count()).toBe(0);
    await owner.close();
    expect(await threadStatuses()).toEqual(['ANSWERED']);

    const chair = await h.signedIn('board-chair', `#/actions/${action.id}`);
    await chair.getByRole('button', { name: 'Mark resolved' }).click();
    await chair.locator('li.thread[data-status="RESOLVED"]').waitFor();
    expect(await texts(chair, 'li.thread .thread-messages li')).toHaveLength(3);
    await chair.close();
    expect(await threadStatuses()).toEqual(['RESOLVED']);
  });

  it('lets a board member ask a question, which waits for the owner', async () => {
    const member = await h.signedIn('board-member', `#/actions/${action.id}`);
    await member.getByLabel('Ask a question about this action').fill('Is the Q3 forecast within the recovery trajectory?');
    await member.getByRole('button', { name: 'Ask the question' }).click();
    await member.locator('li.thread[data-status="AWAITING_ANSWER"]').waitFor();
    await member.close();
    expect(await threadStatuses()).toEqual(['RESOLVED', 'AWAITING_ANSWER']);
  });

  it('shows a refusal in the API’s words and keeps what was typed', async () => {
    const member = await h.signedIn('board-member', `#/actions/${action.id}`);
    await member.getByLabel('Ask a question about this action').fill('   ');
    await member.getByRole('button', { name: 'Ask the question' }).click();
    await member.locator('.thread-reply .error-message').waitFor();
    expect(await member.locator('.thread-reply .error-message').textContent()).toMatch(/question/);
    expect(await member.getByLabel('Ask a question about this action').inputValue()).toBe('   ');
    await member.close();
    expect(await threadStatuses()).toEqual(['RESOLVED', 'AWAITING_ANSWER']);
  });
});
