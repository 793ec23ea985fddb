import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';

const PLAN_TIMELINES = `{ plan(id: "hardening") { actions { edges { node { timeline { changes { field } } } } } } }`;

describe('Hostile queries are refused before they execute', () => {
  let app: TestApp;
  let strict: TestApp;
  let action: { id: string; revision: number };

  beforeAll(async () => {
    app = await startTestApp();
    // Our schema has no cycles yet, so no real query is deeper than 7; a lower limit shows the rule bites.
    strict = await startTestApp({ limits: { maxQueryDepth: 3 } });
    await strict.gql('mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id } }', { input: planInput('hardening') });
    const added = await strict.gql('mutation ($input: AddActionInput!) { addAction(input: $input) { id revision } }', {
      input: actionInput('hardening', '1.1', { areaNumber: 1 }),
    });
    action = added.data.addAction;
    await app.gql(CREATE_PLAN, { input: planInput('hardening') });
    await app.gql(ADD_ACTION, { input: actionInput('hardening', '1.1', { areaNumber: 1 }) });
  });

  afterAll(async () => {
    await app?.close();
    await strict?.close();
  });

  it('allows the deepest query the product itself needs under the shipped limits', async () => {
    const result = await app.gql(PLAN_TIMELINES);
    expect(result.errors).toBeUndefined();
    expect(result.data.plan.actions.edges).toHaveLength(1);
  });

  it('refuses a query nested deeper than the limit, naming depth and limit', async () => {
    const result = await strict.gql(PLAN_TIMELINES);
    expect(result.data).toBeUndefined();
    expect(result.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_DEEP', depth: 7, maxDepth: 3 });
  });

  it('refuses a too-deep mutation without running it: nothing is appended', async () => {
    const report = (selection: string, revision: number) =>
      strict.gql(`mutation ($input: ReportProgressInput!) { reportProgress(input: $input) ${selection} }`, {
        input: { actionId: action.id, expectedRevision: revision, rag: 'GREEN', commentary: 'On track', asAt: '2026-06-01' },
      });
    const before = await strict.allEvents();

    const refused = await report('{ ...Deep } fragment Deep on Action { timeline { changes { field } } }', action.revision);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_DEEP', depth: 4, maxDepth: 3 });
    expect(await strict.allEvents()).toEqual(before);

    const allowed = await report('{ timeline { summary } }', action.revision);
    expect(allowed.errors).toBeUndefined();
    expect((await strict.allEvents()).length).toBe(before.length + 1);
  });

  it('refuses a query that would cost too much, before any resolver runs', async () => {
    const result = await app.gql(`{
      plans {
        actions(first: 100) { edges { node { timeline { summary changes { field from to } } milestones { title } evidence { title } } } }
        owners { actionRefs }
      }
    }`);
    expect(result.data).toBeUndefined();
    expect(result.errors![0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(result.errors![0].extensions?.cost).toBeGreaterThan(result.errors![0].extensions?.maxCost);
  });

  it('refuses a query of thousands of nested literals as too long, not with a stack overflow', async () => {
    // 5,000 levels of an input object in a string literal: the parser used to recurse until the stack ran out.
    const nested = '{ a: '.repeat(5_000) + '1' + ' }'.repeat(5_000);
    const result = await app.gql(`{ plans(filter: ${nested}) { id } }`);
    expect(result.errors![0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(result.errors![0].message).toMatch(/more tha[nt] 2000 tokens/);
    expect(JSON.stringify(result.errors)).not.toMatch(/call stack/i);
  });

  it('refuses a request body over the size limit', async () => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await app.token('tester')}` },
      body: JSON.stringify({ query: '{ plans { id } }', variables: { padding: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(response.status).toBe(413);
  });
});

describe('In production', () => {
  let production: TestApp;
  let development: TestApp;
  let debugging: TestApp;

  beforeAll(async () => {
    production = await startTestApp({ production: true });
    development = await startTestApp();
    debugging = await startTestApp({ graphqlStackTraces: true });
  });

  afterAll(async () => {
    await production?.close();
    await development?.close();
    await debugging?.close();
  });

  it('does not answer introspection', async () => {
    const result = await production.gql('{ __schema { queryType { name } } }');
    expect(result.data).toBeUndefined();
    expect(result.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await development.gql('{ __schema { queryType { name } } }')).data.__schema.queryType.name).toBe('Query');
  });

  it('keeps stack traces out of errors', async () => {
    const query = '{ plan(id: "no-such-plan") { id } }';
    const error = (await production.gql(query)).errors![0];
    expect(error.extensions).toEqual({ code: 'NOT_FOUND', rule: 'planExists' });
  });

  it.each([
    ['a refusal', '{ plan(id: "no-such-plan") { id } }'],
    ['a validation error', '{ plans { id password } }'],
  ])('keeps stack traces (with server paths) out of %s in development too, unless a developer asks with GRAPHQL_STACK_TRACES=true', async (_, query) => {
    const serverPath = /at .*\/[^ ]+:\d+:\d+/;
    for (const app of [production, development]) {
      const answer = JSON.stringify((await app.gql(query)).errors);
      expect(answer).not.toContain('stacktrace');
      expect(answer).not.toMatch(serverPath);
    }
    const asked = (await debugging.gql(query)).errors![0].extensions?.stacktrace;
    expect(asked).toEqual(expect.arrayContaining([expect.stringMatching(serverPath)]));
  });

  it.each([
    ['a misspelt field', '{ plans { id titel } }', {}, 'Cannot query field "titel" on type "Plan".'],
    ['a misspelt mutation', 'mutation { addActio { id } }', {}, 'Cannot query field "addActio" on type "Mutation".'],
    ['a misspelt argument', '{ plan(ids: "x") { id } }', {}, 'Unknown argument "ids" on field "Query.plan".'],
    [
      'a misspelt input field in variables',
      'mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { revision } }',
      { input: { actionId: 'a', expectedRevision: 0, rag: 'AMBER', asAt: '2026-06-01', comentary: 'x' } },
      'Field "comentary" is not defined by type "ReportProgressInput".',
    ],
    [
      'a misspelt enum value in variables',
      'mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { revision } }',
      { input: { actionId: 'a', expectedRevision: 0, rag: 'AMBR', asAt: '2026-06-01', commentary: 'x' } },
      'Value "AMBR" does not exist in "ReportableRag" enum.',
    ],
  ])('suggests no schema names for %s, even without a token', async (_, query, variables, plainly) => {
    const refused = await production.gqlWithAuthorization(undefined, query, variables);
    const message = refused.errors!.map((e) => e.message).join('\n');
    expect(message).toContain(plainly);
    expect(message).not.toMatch(/Did you mean/);
    // Development keeps the help, so the test shows what production leaves out.
    expect((await development.gqlWithAuthorization(undefined, query, variables)).errors!.map((e) => e.message).join('\n')).toMatch(/Did you mean/);
  });

  it('serves no GraphiQL page', async () => {
    const page = await fetch(production.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('GraphiQL');
  });
});
