import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { readDatabaseKinds, startTestApp, TestApp } from './support/test-app';

const REPORT = `mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { revision latestCommentary } }`;

/** What hostile or careless clients send. Each must get a clear error or be stored safely, and a refusal must leave the store as it was. */
describe.each(readDatabaseKinds())('A corpus of bad input (read models on %s)', (readDatabase) => {
  let app: TestApp;
  let action: { id: string; revision: number };
  let token: string;

  beforeAll(async () => {
    app = await startTestApp({ readDatabase });
    await app.gql(CREATE_PLAN, { input: planInput('corpus') });
    action = (await app.gql(ADD_ACTION, { input: actionInput('corpus', '1.1', { areaNumber: 1 }) })).data.addAction;
    token = await app.token('tester');
  });

  afterAll(async () => {
    await app?.close();
  });

  const post = (body: string, contentType = 'application/json') =>
    fetch(app.url, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${token}` }, body });

  const progress = (overrides: Record<string, unknown>) => ({
    input: { actionId: action.id, expectedRevision: action.revision, rag: 'AMBER', asAt: '2026-06-01', commentary: 'A normal update', ...overrides },
  });

  async function unchanged(run: () => Promise<void>): Promise<void> {
    const before = await app.allEvents();
    await run();
    expect((await app.allEvents()).map((e) => e.id)).toEqual(before.map((e) => e.id));
  }

  it.each([
    ['malformed JSON', '{"query": "{ plans { id } }"', undefined],
    ['a JSON array of nonsense', '[1, 2, 3]', 'BAD_REQUEST'],
    ['invalid GraphQL', JSON.stringify({ query: '{ plans { id ' }), 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', JSON.stringify({ query: '{ plans { id password } }' }), 'GRAPHQL_VALIDATION_FAILED'],
    ['a mutation with no input', JSON.stringify({ query: 'mutation { reportProgress { revision } }' }), 'GRAPHQL_VALIDATION_FAILED'],
  ])('refuses %s with HTTP 400 and says why (code %s), writing nothing', async (_, body, code) => {
    await unchanged(async () => {
      const response = await post(body);
      expect(response.status).toBe(400);
      const text = await response.text();
      if (code) expect(JSON.parse(text).errors[0]).toMatchObject({ message: expect.any(String), extensions: { code } });
      else expect(text).toMatch(/JSON|Unexpected|Bad Request/i);
    });
  });

  it('refuses an oversized request with 413', async () => {
    await unchanged(async () => {
      const response = await post(JSON.stringify({ query: REPORT, variables: progress({ commentary: 'x'.repeat(1_100_000) }) }));
      expect(response.status).toBe(413);
    });
  });

  it.each([
    ['a wrong enum value', { rag: 'PURPLE' }, 'rag'],
    ['a date that does not exist', { asAt: '2025-02-30' }, 'asAt'],
    ['a date in another format', { asAt: '01/06/2026' }, 'asAt'],
    ['an empty commentary', { commentary: '' }, 'commentary'],
    ['a commentary of 100 kB', { commentary: 'x'.repeat(100_000) }, 'commentary'],
    ['a NUL byte', { commentary: 'Before\u0000after' }, 'commentary'],
    ['a bell and an escape', { commentary: 'Ding\u0007 \u001b[31mred' }, 'commentary'],
    ['a revision that is not a number', { expectedRevision: 'latest' }, 'expectedRevision'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_, overrides, field) => {
    await unchanged(async () => {
      const res = await app.gql(REPORT, progress(overrides));
      expect(res.data ?? null).toBeNull();
      const error = res.errors![0];
      expect(error.extensions!.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(error)).toContain(field);
    });
  });

  it('refuses a control character in an inline string literal too', async () => {
    await unchanged(async () => {
      const res = await app.gql(`mutation { reportProgress(input: { actionId: "${action.id}", expectedRevision: ${action.revision}, rag: AMBER, asAt: "2026-06-01", commentary: "tab\\u0000nul" }) { revision } }`);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', validationErrors: [{ field: 'commentary', rule: 'noControlCharacters' }] });
    });
  });

  it.each([
    ['SQL', "Robert'); DROP TABLE actions; -- and ' OR '1'='1"],
    ['HTML and script', '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes"'],
    ['unicode, tabs and line breaks', 'Ünïcødé — “quotes” 🚸\tindented\r\nnext line'],
    ['a template and a formula', '${process.exit()} {{7*7}} =HYPERLINK("http://x")'],
  ])('stores %s verbatim and returns it unchanged, never executed', async (_, text) => {
    const current = (await app.gql(`{ action(id: "${action.id}") { revision } }`)).data.action;
    const res = await app.gql(REPORT, progress({ expectedRevision: current.revision, commentary: text }));
    expect(res.errors).toBeUndefined();
    expect(res.data.reportProgress.latestCommentary).toBe(text);
    const read = await app.gql(`{ action(id: "${action.id}") { latestCommentary timeline { summary } } plan(id: "corpus") { rollUp { total } } }`);
    expect(read.data.action.latestCommentary).toBe(text);
    expect(read.data.action.timeline.at(-1).summary).toContain(text);
    expect(read.data.plan.rollUp.total).toBe(1);
  });
});
