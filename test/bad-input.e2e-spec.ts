import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { readDatabaseKinds, startTestApp, TestApp, TESTER } from './support/test-app';
import { withNoNewEvents } from './support/no-new-events';
import { samplePdf } from '../apps/api/src/evidence-files/sample-files.fixture';

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

  const unchanged = (run: () => Promise<void>) => withNoNewEvents(app, run);

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

  const current = async () => (await app.gql(`{ action(id: "${action.id}") { revision } }`)).data.action.revision as number;

  /** Refused with BAD_USER_INPUT naming the field and the rule, whether the edge or the domain refused it. */
  function expectRefusal(res: { data?: unknown; errors?: { message: string; extensions?: Record<string, any> }[] }, field: string, rule: string) {
    expect(res.data ?? null).toBeNull();
    const error = res.errors![0];
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
    const named = error.extensions!.validationErrors?.[0] ?? error.extensions;
    expect(named).toMatchObject({ field, rule });
    expect(error.message).toContain(field.split('.').at(-1));
  }

  it.each([
    ['a lone high surrogate', { commentary: 'Progress \uD83D update' }, 'input.commentary', 'wellFormedUnicode'],
    ['a lone low surrogate', { commentary: '\uDE00 after' }, 'input.commentary', 'wellFormedUnicode'],
    ['a right-to-left override', { commentary: 'Approved \u202Edevorppa ton' }, 'input.commentary', 'noBidiControls'],
    ['a left-to-right embedding', { commentary: 'x \u202A y' }, 'input.commentary', 'noBidiControls'],
    ['a first-strong isolate', { commentary: '\u2068hidden\u2069 text' }, 'input.commentary', 'noBidiControls'],
    ['a zero-width space alone', { commentary: '\u200B' }, 'commentary', 'required'],
    ['only invisible characters', { commentary: ' \u200B\u200C\u200D\u2060\uFEFF ' }, 'commentary', 'required'],
    ['an as-at date before 2000', { asAt: '1999-12-31' }, 'asAt', 'dateInRange'],
  ])('refuses %s in a commentary or date with a clear error, writing nothing', async (_, overrides, field, rule) => {
    const revision = await current();
    await unchanged(async () => {
      expectRefusal(await app.gql(REPORT, progress({ expectedRevision: revision, ...overrides })), field, rule);
    });
  });

  it.each([
    ['a due date of 9999-12-31 on a new action', ADD_ACTION, () => ({ input: actionInput('corpus', '1.7', { areaNumber: 1, dueDate: '9999-12-31' }) }), 'dueDate'],
    ['a milestone due in 2101', ADD_ACTION, () => ({ input: actionInput('corpus', '1.8', { areaNumber: 1, milestones: [{ title: 'Far', dueDate: '2101-01-01' }] }) }), 'milestone.dueDate'],
    ['a reschedule to 9999-12-31', `mutation ($input: RescheduleActionInput!) { rescheduleAction(input: $input) { revision } }`, (revision: number) => ({ input: { actionId: action.id, expectedRevision: revision, dueDate: '9999-12-31', reason: 'Typo' } }), 'dueDate'],
    ['a milestone added due 9999-12-31', `mutation ($input: AddMilestoneInput!) { addMilestone(input: $input) { revision } }`, (revision: number) => ({ input: { actionId: action.id, expectedRevision: revision, title: 'Far', dueDate: '9999-12-31' } }), 'milestone.dueDate'],
    ['a meeting on 9999-12-31', `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, () => ({ input: { planId: 'corpus', type: 'BOARD', date: '9999-12-31', title: 'Far board' } }), 'date'],
    ['a plan approved on 9999-12-31', CREATE_PLAN, () => ({ input: { ...planInput('corpus-far'), approvedOn: '9999-12-31' } }), 'approvedOn'],
    ['a plan approved in 1999', CREATE_PLAN, () => ({ input: { ...planInput('corpus-far'), approvedOn: '1999-03-31' } }), 'approvedOn'],
    ['an update round due in 2101', `mutation ($input: OpenUpdateRoundInput!) { openUpdateRound(input: $input) { id } }`, () => ({ input: { planId: 'corpus', title: 'Far round', deadline: '2101-01-01' } }), 'deadline'],
    ['a zero-width action title', ADD_ACTION, () => ({ input: actionInput('corpus', '1.9', { areaNumber: 1, title: '\u200B\u2060' }) }), 'title'],
    ['a zero-width meeting title', `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, () => ({ input: { planId: 'corpus', type: 'BOARD', date: '2026-06-01', title: '\u200B\u200C' } }), 'title'],
  ])('refuses %s, naming the field (dates are kept within 2000-01-01..2100-12-31), writing nothing', async (_, query, variables, field) => {
    const revision = await current();
    await unchanged(async () => {
      const res = await app.gql(query, variables(revision));
      expectRefusal(res, field, field.endsWith('title') ? 'required' : 'dateInRange');
      if (!field.endsWith('title')) expect(res.errors![0].message).toContain('must be between 1 January 2000 and 31 December 2100');
    });
  });

  it('refuses an e-mail address with a lone surrogate as bad input, not a server error', async () => {
    await unchanged(async () => {
      const res = await app.gql(`mutation ($input: SetUserEmailInput!) { setUserEmail(input: $input) { id email } }`, { input: { userId: TESTER, email: 'al\uD83Dex@council.example' } });
      expectRefusal(res, 'input.email', 'wellFormedUnicode');
    });
  });

  it('refuses a bidi control in an inline string literal, and a literal that is not composed (NFC)', async () => {
    const literal = (commentary: string) =>
      `mutation { reportProgress(input: { actionId: "${action.id}", expectedRevision: ${action.revision}, rag: AMBER, asAt: "2026-06-01", commentary: "${commentary}" }) { revision } }`;
    await unchanged(async () => {
      expectRefusal(await app.gql(literal('abc \\u202E fed')), 'commentary', 'noBidiControls');
      expectRefusal(await app.gql(literal('Cafe\\u0301')), 'commentary', 'isNfc');
    });
  });

  it.each([
    ['objects', (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`],
    ['arrays', (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`],
  ])('refuses variables nested 5,000 levels deep (%s) as bad input, not a stack overflow', async (_, nested) => {
    await unchanged(async () => {
      const response = await post(`{"query": ${JSON.stringify(REPORT)}, "variables": {"input": ${nested(5000)}}}`);
      expect(response.status).toBe(400);
      const error = (await response.json()).errors[0];
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', validationErrors: [{ rule: 'maxDepth', field: expect.stringMatching(/^input/) }] });
      expect(error.message).toContain('nests deeper than 32 levels');
    });
  });

  it('composes text to NFC once at the edge, so the event, the read model and the history hash agree', async () => {
    const decomposed = 'Cafe\u0301 cre\u0300me: Ame\u0301lie’s review';
    const composed = decomposed.normalize('NFC');
    expect(composed).not.toBe(decomposed);
    const res = await app.gql(REPORT, progress({ expectedRevision: await current(), commentary: decomposed }));
    expect(res.errors).toBeUndefined();
    expect(res.data.reportProgress.latestCommentary).toBe(composed);
    const stored = (await app.allEvents()).filter((e) => e.streamId === `action-${action.id}` && e.type === 'ProgressReported').at(-1)!;
    expect((stored.data as { commentary: string }).commentary).toBe(composed);
    expect((await app.gql(`{ action(id: "${action.id}") { latestCommentary } }`)).data.action.latestCommentary).toBe(composed);
  });

  it('still verifies the history after every refused attempt above: nothing unreadable was stored', async () => {
    const res = await app.gql(`{ verifyHistory(planId: "corpus") { ok firstBreak { message } readModel { firstMismatch { field message } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.verifyHistory).toMatchObject({ ok: true, firstBreak: null });
  });

  it.each([
    ['a bidi override in the file name', 'board-paper\u202Excod.pdf', {}, 'file.originalName'],
    ['a bidi isolate in the title', 'board-paper.pdf', { title: 'Minutes \u2067x\u2069' }, 'title'],
  ])('refuses an evidence upload with %s, naming the field, writing nothing', async (_, name, fields, field) => {
    const revision = await current();
    await unchanged(async () => {
      const form = new FormData();
      for (const [key, value] of Object.entries({ kind: 'ACTIVITY', title: 'Board paper', submittedBy: 'Alex Morgan', expectedRevision: String(revision), ...fields })) form.append(key, value);
      form.append('file', new Blob([Uint8Array.from(samplePdf())], { type: 'application/pdf' }), name);
      const response = await fetch(`${new URL(app.url).origin}/actions/${action.id}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      expect(response.status).toBe(400);
      expect((await response.json()).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule: 'noBidiControls' });
    });
  });

  it('holds spreadsheet cells to the same rules: bidi controls, invisible-only titles and far dates are row problems, and nothing is imported', async () => {
    const header = 'Ref,Area,Priorities,Title,Description,Owner,Owner role,Organisation,Due date';
    const row = (ref: string, title: string, due = '31/03/2026') => [ref, '8', '7', title, 'Draft and deliver it.', 'Alex Morgan', 'Finance Lead', 'Council', due].join(',');
    const csv = [header, row('8.1', 'Minutes \u202Efdp.exe'), row('8.2', 'Recovery plan', '31/12/9999'), row('8.3', '\u200B\u2060'), row('8.4', 'Cafe\u0301 review')].join('\n');
    await unchanged(async () => {
      const form = new FormData();
      form.append('file', new Blob([csv]), 'plan.csv');
      const response = await fetch(`${new URL(app.url).origin}/plans/corpus/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      expect(response.status).toBe(422);
      const report = await response.json();
      expect(report.problems.map((p: { row: number; column: string; code: string }) => [p.row, p.column, p.code])).toEqual([
        [2, 'Title', 'UNSAFE_TEXT'],
        [3, 'Due date', 'DATE_OUT_OF_RANGE'],
        [4, 'Title', 'MISSING_VALUE'],
      ]);
      expect(report.problems[0].message).toContain('noBidiControls');
      expect(report.problems[1].message).toContain('must be between 1 January 2000 and 31 December 2100');
    });
  });

  it('composes spreadsheet cells to NFC before they reach the event', async () => {
    await app.gql(CREATE_PLAN, { input: planInput('corpus-import') });
    const csv = ['Ref,Area,Priorities,Title,Description,Owner,Owner role,Organisation,Due date', '8.1,8,7,Cafe\u0301 review,Draft it.,Alex Morgan,Finance Lead,Council,31/03/2026'].join('\n');
    const form = new FormData();
    form.append('file', new Blob([csv]), 'plan.csv');
    const response = await fetch(`${new URL(app.url).origin}/plans/corpus-import/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(response.status).toBe(200);
    const added = (await app.allEvents()).find((e) => e.type === 'ActionAdded' && (e.data as { planId: string }).planId === 'corpus-import')!;
    expect((added.data as { title: string }).title).toBe('Caf\u00e9 review');
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
