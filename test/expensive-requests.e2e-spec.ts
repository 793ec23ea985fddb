import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventStore } from '@send/event-store';
import { PLAN_HISTORY_COST, WHOLE_HISTORY_COST } from '../apps/api/src/hardening/history-complexity';
import { DEFAULT_LIMITS } from '../apps/api/src/config/app-config';
import { EVENT_STORE } from '../apps/api/src/infrastructure/event-store.provider';
import { HistoryVerificationService } from '../apps/api/src/history/history-verification.service';
import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { GraphQLResponse, startTestApp, TEST_AREA, TestApp } from './support/test-app';

const PLAN = 'expensive';
const VERIFY = `verifyHistory(planId: "${PLAN}") { ok eventsChecked }`;
const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join('\n')} }`;

/** The answer to `query`, and how many history checks and stream reads it caused: none for a refused request. */
async function withWork(app: TestApp, query: string): Promise<[GraphQLResponse, number]> {
  // readAll is left out: the projections poll it on their own.
  const spies = [jest.spyOn(app.app.get(HistoryVerificationService), 'verify'), jest.spyOn(app.app.get<EventStore>(EVENT_STORE), 'readStream')];
  try {
    const response = await app.gql(query);
    return [response, spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0)];
  } finally {
    spies.forEach((spy) => spy.mockRestore());
  }
}

/**
 * The dashboard's own queries. Required by path: the root tsconfig has no JSX, and these modules
 * import types from the dashboard's components; Jest only needs the strings.
 */
const DASHBOARD = join(__dirname, '../apps/dashboard/src');
/** Every `*.query.ts` of the dashboard, so a new view's query is priced without being listed here. */
const dashboardQueries = (): string[] =>
  readdirSync(DASHBOARD, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.query.ts'))
    .flatMap((file) =>
      Object.values(require(join(DASHBOARD, file.replace(/\.ts$/, ''))) as Record<string, unknown>).filter((value): value is string => typeof value === 'string' && /^\s*query\b/.test(value)),
    );

describe('Requests that would hold the service are refused before they run', () => {
  let app: TestApp;
  /** Every operation is refused with its cost: how the rule prices each field. */
  let pricing: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    pricing = await startTestApp({ limits: { maxQueryCost: 1 } });
    await app.gql(CREATE_PLAN, { input: planInput(PLAN) });
    await app.gql(ADD_ACTION, { input: actionInput(PLAN, '1.1', { areaNumber: 1 }) });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await pricing?.close();
  });

  const costOf = async (query: string, variables?: Record<string, unknown>) => {
    const refused = await pricing.gql(query, variables);
    expect(refused.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    return refused.errors![0].extensions!.cost as number;
  };

  it('refuses 200 aliases of verifyHistory up front, with HTTP 400 and a stable code, running nothing', async () => {
    // So many aliases are longer than a query may be (2,000 tokens), so the parser stops first.
    const [refused, work] = await withWork(app, aliases(200, VERIFY));
    expect(refused).toMatchObject({ status: 400, data: undefined });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
    expect(refused.errors![0].message).toMatch(/more tha[nt] 2000 tokens/);
    expect(work).toBe(0);
  });

  it('refuses 40 aliases of verifyHistory, short enough to parse, on the root-field cap, running nothing', async () => {
    const [refused, work] = await withWork(app, aliases(40, `verifyHistory(planId: "${PLAN}") { ok }`));
    expect(refused).toMatchObject({ status: 400, data: undefined });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_ROOT_FIELDS', count: 40, max: DEFAULT_LIMITS.maxRootFields });
    expect(work).toBe(0);
  });

  it('prices verifyHistory by its work: three aliases are over the cost limit and refused before any check runs', async () => {
    const [refused, work] = await withWork(app, aliases(3, VERIFY));
    expect(refused.status).toBe(400);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', maxCost: DEFAULT_LIMITS.maxQueryCost });
    expect(refused.errors![0].extensions!.cost).toBeGreaterThan(3 * WHOLE_HISTORY_COST);
    expect(work).toBe(0);

    const [two, checks] = await withWork(app, aliases(2, VERIFY));
    expect(two.errors).toBeUndefined();
    expect(two.data.a1.ok).toBe(true);
    expect(checks).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['verifyHistory', `{ verifyHistory(planId: "p") { ok } }`, WHOLE_HISTORY_COST],
    ['quarterlyReport', `{ quarterlyReport(planId: "p", financialYear: 2025, quarter: 4) { csv } }`, WHOLE_HISTORY_COST],
    ['movement between two instants', `{ movement(planId: "p", from: "2026-01-01", to: "2026-02-01") { counts { ragUp } } }`, 2 * PLAN_HISTORY_COST],
    ['plan as at an instant', `{ plan(id: "p", asAt: "2026-01-01") { id } }`, PLAN_HISTORY_COST],
    ['plan as at a meeting', `{ plan(id: "p", asAtMeeting: "m") { id } }`, PLAN_HISTORY_COST],
    ['plans as at an instant, one fold each', `{ plans(asAt: "2026-01-01") { id } }`, 5 * PLAN_HISTORY_COST],
    ['action as at an instant', `{ action(id: "a", asAt: "2026-01-01") { id } }`, PLAN_HISTORY_COST],
    ['actions as at an instant', `{ actions(planId: "p", asAt: "2026-01-01", first: 1) { totalCount } }`, PLAN_HISTORY_COST],
    ['owners as at an instant', `{ owners(planId: "p", asAt: "2026-01-01") { openActions } }`, PLAN_HISTORY_COST],
    ['plan on a business date', `{ plan(id: "p", asOfDate: "2026-01-01") { id } }`, PLAN_HISTORY_COST],
    ['action on a business date', `{ action(id: "a", asOfDate: "2026-01-01") { id } }`, PLAN_HISTORY_COST],
    ['actions on a business date', `{ actions(planId: "p", asOfDate: "2026-01-01", first: 1) { totalCount } }`, PLAN_HISTORY_COST],
    ['owners on a business date', `{ owners(planId: "p", asOfDate: "2026-01-01") { openActions } }`, PLAN_HISTORY_COST],
    ['scorecard as at an instant', `{ scorecard(planId: "p", asAt: "2026-01-01") { id } }`, PLAN_HISTORY_COST],
    ['update rounds, at their close', `{ updateRounds(planId: "p") { id } }`, PLAN_HISTORY_COST],
    ['a meeting with the plan at its close', `{ meeting(id: "m") { plan { id } } }`, PLAN_HISTORY_COST],
    ['the meeting action log as at an instant', `{ meetingActionLog(planId: "p", asAt: "2026-01-01") { id } }`, PLAN_HISTORY_COST],
    ['the challenge threads as at an instant', `{ challenges(planId: "p", recordedBy: "2026-01-01") { id } }`, PLAN_HISTORY_COST],
  ])('prices %s by the history it reads', async (_name, query, atLeast) => {
    expect(await costOf(query)).toBeGreaterThanOrEqual(atLeast);
  });

  it('keeps live reads cheap: the same fields without asAt cost what the read models cost', async () => {
    expect(await costOf(`{ plan(id: "p") { id } }`)).toBeLessThan(10);
    expect(await costOf(`{ actions(planId: "p", first: 2) { totalCount } }`)).toBeLessThan(10);
    expect(await costOf(`{ scorecard(planId: "p") { id } }`)).toBeLessThan(100);
  });

  it("prices the plan's list of actions not moving the needle as ten actions, and their flags with them", async () => {
    const one = await costOf(`{ plan(id: "p") { id } }`);
    const list = await costOf(`{ plan(id: "p") { greenButNotMovingTheNeedle { id impactFlag { reasons { text } } } } }`);
    expect(list - one).toBeGreaterThanOrEqual(10 * 3);
  });

  it('prices a page by the size a variable asks for, not by the default', async () => {
    const page = 'query ($n: Int!) { actions(planId: "p", first: $n) { edges { node { id title } } } }';
    const small = await costOf(page, { n: 2 });
    expect(await costOf(page, { n: 50 })).toBeGreaterThanOrEqual(20 * small);
  });

  it("prices a page of an action's timeline by the size asked for, and refuses more than the limit allows", async () => {
    const page = 'query ($n: Int!) { action(id: "a") { timelineEntries(first: $n) { edges { node { summary changes { field from to } } } } } }';
    const one = await costOf(page, { n: 1 });
    expect((await costOf(page, { n: 100 })) - one).toBeGreaterThanOrEqual(99 * 2);
    // A page of the largest size, in every one of a plan's actions, is more than one request may cost.
    expect(await costOf(`{ actions(planId: "p", first: 100) { edges { node { timelineEntries(first: 100) { edges { node { summary } } } } } } }`)).toBeGreaterThan(DEFAULT_LIMITS.maxQueryCost);
  });

  it("fits every dashboard query, as at a meeting, under the shipped cost limit", async () => {
    const past = { planId: PLAN, id: 'a', ref: 'R1', asAtMeeting: 'm', knownAt: 'now', fromMeeting: 'm1', toMeeting: 'm2', heads: [], quarter: '2025/26 Q4', financialYear: 2025, quarterNumber: 4 };
    const queries = dashboardQueries();
    expect(queries.length).toBeGreaterThanOrEqual(8);
    for (const query of queries) {
      expect(await costOf(query, past)).toBeLessThanOrEqual(DEFAULT_LIMITS.maxQueryCost);
    }
  });

  it('caps root fields per request however cheap each is, counting aliases and fragments but not repeats', async () => {
    const refused = await app.gql(aliases(DEFAULT_LIMITS.maxRootFields + 1, 'plans { id }'));
    expect(refused).toMatchObject({ status: 400, data: undefined });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_ROOT_FIELDS', count: 21, max: 20 });
    const hidden = `query { ...Many } fragment Many on Query ${aliases(DEFAULT_LIMITS.maxRootFields + 1, 'plans { id }')}`;
    expect((await app.gql(hidden)).errors![0].extensions!.code).toBe('TOO_MANY_ROOT_FIELDS');

    expect((await app.gql(aliases(DEFAULT_LIMITS.maxRootFields, 'plans { id }'))).errors).toBeUndefined();
    const repeated = `query { ...One ...One plans { id } } fragment One on Query { plans { id } }`;
    expect((await app.gql(repeated)).errors).toBeUndefined();
  });

  it('caps mutations per request: one more than the limit is refused whole and appends nothing', async () => {
    const add = (n: number, from: number) =>
      `mutation { ${Array.from({ length: n }, (_, i) => `m${i}: addAction(input: ${inputLiteral(actionInput(PLAN, `2.${from + i}`, { areaNumber: 2 }))}) { id }`).join('\n')} }`;
    const before = (await app.allEvents()).length;
    const refused = await app.gql(add(DEFAULT_LIMITS.maxMutations + 1, 1));
    expect(refused).toMatchObject({ status: 400, data: undefined });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_MUTATIONS', count: 6, max: 5 });
    expect((await app.allEvents()).length).toBe(before);

    const allowed = await app.gql(add(DEFAULT_LIMITS.maxMutations, 1));
    expect(allowed.errors).toBeUndefined();
    expect((await app.allEvents()).length).toBeGreaterThan(before);
  });

  it('verifies only the events appended since the last check, from where it stopped', async () => {
    const FIELDS = `verifyHistory(planId: "${PLAN}") { ok eventsChecked eventsHashed resumedAfter head { position } }`;
    const first = (await app.gql(`{ ${FIELDS} }`)).data.verifyHistory;
    await app.gql(ADD_ACTION, { input: actionInput(PLAN, '3.1', { areaNumber: 3 }) });
    const events = await app.allEvents();
    const appended = events.filter((e) => e.position > BigInt(first.head.position)).length;
    const next = (await app.gql(`{ ${FIELDS} }`)).data.verifyHistory;
    expect(appended).toBeGreaterThan(0);
    expect(next).toMatchObject({ ok: true, eventsChecked: events.length, eventsHashed: appended, resumedAfter: first.head.position });
    const full = (await app.gql(`{ verifyHistory(planId: "${PLAN}", full: true) { ok eventsHashed resumedAfter } }`)).data.verifyHistory;
    expect(full).toEqual({ ok: true, eventsHashed: events.length, resumedAfter: null });
  });
});

describe('History reads are limited per person', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ limits: { expensiveReads: { perUser: 3, windowMs: 60_000 } } });
    await app.gql(CREATE_PLAN, { input: planInput(PLAN) });
    for (const userId of ['adviser', 'other-adviser']) await app.addUser({ userId, roles: ['DFE_ADVISER'], areas: [TEST_AREA] });
  });

  afterAll(() => app?.close());

  it('answers TOO_MANY_REQUESTS with HTTP 429 past the allowance, counting each alias and every kind of history read', async () => {
    const adviser = app.as('adviser');
    expect((await adviser.gql(`{ ${VERIFY} }`)).errors).toBeUndefined();
    // Live reads are not history reads.
    for (let i = 0; i < 5; i += 1) expect((await adviser.gql(`{ plan(id: "${PLAN}") { id } }`)).errors).toBeUndefined();
    expect((await adviser.gql(`{ a: plan(id: "${PLAN}", asAt: "2026-06-15") { id } b: ${VERIFY} }`)).errors).toBeUndefined();

    const refused = await adviser.gql(`{ plan(id: "${PLAN}", asAt: "2026-06-15") { id } }`);
    expect(refused.status).toBe(429);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', limit: 3, windowSeconds: 60 });
    expect(refused.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.errors![0].message).toMatch(/at most 3 per person every 60 s/);

    // Every download reads history: the report in each format, the board pack, the whole plan.
    const quarter = `planId=${PLAN}&financialYear=2025&quarter=4`;
    for (const path of [`quarterly.html?${quarter}`, `quarterly.csv?${quarter}`, `quarterly-return.csv?${quarter}`, `quarterly.pdf?${quarter}`, `board-pack.pdf?planId=${PLAN}&date=2026-06-01`, `plan.xlsx?planId=${PLAN}`]) {
      const download = await fetch(`${new URL(app.url).origin}/reports/${path}`, { headers: { authorization: `Bearer ${await app.token('adviser')}` } });
      expect({ path, status: download.status }).toEqual({ path, status: 429 });
      expect(((await download.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    }
  });

  it('keys the allowance by the signed-in person, not the address they share', async () => {
    expect((await app.as('other-adviser').gql(`{ ${VERIFY} }`)).errors).toBeUndefined();
  });
});

/** An input object as a GraphQL literal, for mutations sent without variables. */
function inputLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inputLiteral).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${inputLiteral(v)}`).join(', ')} }`;
  return JSON.stringify(value);
}
