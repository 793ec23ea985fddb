import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';

const HEAD = `query ($planId: ID!) { historyHead(planId: $planId) { position events hash } }`;
const PLAN = 'head';

describe('The store head: a cheap count of events and the newest chain hash', () => {
  let app: TestApp;
  /** Refuses every operation, saying what it would have cost. */
  let pricing: TestApp;
  let action: { id: string; revision: number };

  const head = async (as = 'tester') => {
    const result = await app.as(as).gql(HEAD, { planId: PLAN });
    expect(result.errors).toBeUndefined();
    return result.data.historyHead as { position: string; events: number; hash: string };
  };

  beforeAll(async () => {
    app = await startTestApp();
    pricing = await startTestApp({ limits: { maxQueryCost: 1 } });
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: ['test-area'] });
    await app.addUser({ userId: 'owner', owner: { name: 'Sam Patel', organisation: 'NHS Trust' }, roles: ['ACTION_OWNER'], areas: ['test-area'] });
    await app.addUser({ userId: 'elsewhere', roles: ['PLAN_ADMINISTRATOR', 'DFE_ADVISER'], areas: ['other-area'] });
    await app.gql(CREATE_PLAN, { input: planInput(PLAN) });
    action = (await app.gql(ADD_ACTION, { input: actionInput(PLAN, '1.1') })).data.addAction;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await pricing?.close();
  });

  it('counts every event in the store and names the newest, with the hash recorded there', async () => {
    const events = await app.allEvents();
    const newest = events[events.length - 1];
    expect(await head()).toEqual({ position: String(newest.position), events: events.length, hash: newest.globalHash });
  });

  it('gives the head verifyHistory computes, so it can be copied and checked later', async () => {
    const copied = await head();
    const verified = await app.gql(`query ($planId: ID!, $heads: [ChainHeadInput!]) { verifyHistory(planId: $planId, heads: $heads) { ok head { position hash } heads { matches } } }`, {
      planId: PLAN,
      heads: [{ position: copied.position, hash: copied.hash }],
    });
    expect(verified.data.verifyHistory).toEqual({ ok: true, head: { position: copied.position, hash: copied.hash }, heads: [{ matches: true }] });
  });

  it('stays where it was after a refused command, and moves by the events an accepted one records', async () => {
    const before = await head();
    const refused = await app.as('adviser').gql(change('reportProgress', 'ReportProgressInput'), {
      input: { actionId: action.id, expectedRevision: action.revision, rag: 'GREEN', commentary: 'On track', asAt: '2026-06-01' },
    });
    expect(refused.errors![0].extensions?.code).toBe('FORBIDDEN');
    expect(await head()).toEqual(before);

    const accepted = await app.gql(change('reportProgress', 'ReportProgressInput'), {
      input: { actionId: action.id, expectedRevision: action.revision, rag: 'GREEN', commentary: 'On track', asAt: '2026-06-01' },
    });
    expect(accepted.errors).toBeUndefined();
    const after = await head();
    expect(after.events).toBe(before.events + 1);
    expect(BigInt(after.position)).toBeGreaterThan(BigInt(before.position));
    expect(after.hash).not.toBe(before.hash);
  });

  it('is open to anyone with a role in the plan’s area, action owners too, and NOT_FOUND for anyone else', async () => {
    const theirs = await head('owner');
    expect(await head('adviser')).toEqual(theirs);
    const elsewhere = await app.as('elsewhere').gql(HEAD, { planId: PLAN });
    expect(elsewhere.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(elsewhere.data).toBeNull();
  });

  it('is priced like a read-model row, not like a history check: twenty in one request cost 80', async () => {
    const refused = await pricing.gql(`{ ${Array.from({ length: 20 }, (_, i) => `h${i}: historyHead(planId: "${PLAN}") { position events hash }`).join(' ')} }`);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', cost: 80 });
  });
});
