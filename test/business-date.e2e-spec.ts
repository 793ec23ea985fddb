import { change, CREATE_PLAN, planInput } from './support/plan-operations';
import { DEFAULT_TEST_NOW, startTestApp, TestApp, TESTER } from './support/test-app';
import { uploadPlanSheet } from './support/plan-import-upload';

const HEADER = 'Ref,Area,Title,Description,Owner,Owner role,Organisation,Due date,RAG,Latest commentary,As at';
type Cells = Partial<Record<'area' | 'title' | 'description' | 'owner' | 'role' | 'org' | 'due' | 'rag' | 'commentary' | 'asAt', string>>;
/** An action's row as the programme office keeps it: everything about the action, and its latest update. */
const actionRow = (ref: string, cells: Cells = {}) => {
  const c = { area: ref.split('.')[0], title: `Action ${ref}`, description: 'Deliver it.', owner: 'Alex Morgan', role: 'Finance Lead', org: 'Council', due: '31/03/2026', rag: '', commentary: '', asAt: '', ...cells };
  return [ref, c.area, c.title, c.description, c.owner, c.role, c.org, c.due, c.rag, c.commentary, c.asAt].join(',');
};
/** A row of the action's history: its ref and one dated update, the rest left blank. */
const updateRow = (ref: string, rag: string, commentary: string, asAt: string, more: Cells = {}) =>
  [ref, more.area ?? '', more.title ?? '', '', '', '', '', more.due ?? '', rag, commentary, asAt].join(',');

describe('The plan on a business date (asOfDate), and dated history in the plan import', () => {
  let app: TestApp;
  const planId = 'dated-plan';

  const upload = (content: string, query = '') => uploadPlanSheet(app, { userId: TESTER, planId, content, query });
  const planOn = async (args: string) =>
    app.gql(`{ plan(id: "${planId}", ${args}) { asAt knownAt asOfDate rollUp { total red amber green notYetRated overdue }
      actions(first: 10) { edges { node { ref rag latestCommentary lastAsAt overdue asOfDate } } } } }`);
  const byRef = (result: any) => Object.fromEntries(result.data.plan.actions.edges.map((e: any) => [e.node.ref, e.node]));
  const refusal = (result: any) => {
    const extensions = result.errors?.[0]?.extensions ?? {};
    return { code: extensions.code, ...(extensions.validationErrors?.[0] ?? { field: extensions.field, rule: extensions.rule }) };
  };

  // The spreadsheet a programme office keeps: each action's row with its latest update, and below, rows of the history.
  const SHEET = [
    'Improvement plan tracker',
    HEADER,
    actionRow('8.1', { title: 'Deficit recovery plan', rag: 'Green', commentary: 'Recovery plan signed off.', asAt: '31/12/2025' }),
    actionRow('8.2', { title: 'Funding panel', rag: 'Amber', commentary: 'Panel recruited.', asAt: '31/03/2026' }),
    actionRow('6.1', { title: 'Sufficiency strategy' }),
    updateRow('8.1', 'Red', 'No plan yet; the deficit is growing.', '31/07/2025'),
    // A stacked export repeats the action's columns on every row; the same values are fine.
    actionRow('8.1', { title: 'Deficit recovery plan', rag: 'Amber', commentary: 'Draft plan with the DfE.', asAt: '30/09/2025' }),
  ].join('\n');

  beforeAll(async () => {
    app = await startTestApp();
    await app.gql(CREATE_PLAN, { input: planInput(planId) });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('dry-runs a sheet with dated history, listing each action’s updates in date order, and writes nothing', async () => {
    const before = await app.store().headPosition();
    const dry = await upload(SHEET, '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 5, validRows: 5, problems: [] });
    expect(dry.body.actions.map((a: any) => [a.ref, a.updates.map((u: any) => [u.row, u.asAt, u.rag])])).toEqual([
      ['8.1', [[6, '2025-07-31', 'RED'], [7, '2025-09-30', 'AMBER'], [3, '2025-12-31', 'GREEN']]],
      ['8.2', [[4, '2026-03-31', 'AMBER']]],
      ['6.1', []],
    ]);
    expect(await app.store().headPosition()).toBe(before);
  });

  it('refuses bad history rows by number and code, and writes nothing', async () => {
    const before = await app.store().headPosition();
    const bad = [
      HEADER,
      actionRow('8.3', { rag: 'Amber', commentary: 'Started.', asAt: '30/09/2025' }),
      updateRow('8.3', 'Red', 'Same day again.', '30/09/2025'),
      updateRow('8.3', '', 'Commentary alone.', '31/10/2025'),
      updateRow('8.3', '', '', ''),
      updateRow('8.3', 'Green', 'Not yet happened.', '01/07/2026'),
      updateRow('8.3', 'Red', 'Moved.', '30/11/2025', { due: '30/06/2026' }),
    ].join('\n');
    for (const query of ['?dryRun=true', '']) {
      const result = await upload(bad, query);
      expect(result.status).toBe(query ? 200 : 422);
      expect(result.body.problems.map((p: any) => [p.row, p.column, p.code])).toEqual([
        [3, 'As at', 'DUPLICATE_UPDATE_DATE'],
        [4, 'Latest commentary', 'COMMENTARY_WITHOUT_RAG'],
        [5, 'RAG', 'MISSING_VALUE'],
        [6, 'As at', 'FUTURE_DATE'],
        [7, 'Ref', 'DUPLICATE_REF'],
      ]);
    }
    expect(await app.store().headPosition()).toBe(before);
  });

  it('imports the history as progress updates, each with its own date, and the live plan shows the latest', async () => {
    const real = await upload(SHEET);
    expect(real.status).toBe(200);
    expect(real.body).toMatchObject({ imported: 3, progressRecorded: 4, validRows: 5 });
    const live = await planOn('');
    expect(live.data.plan).toMatchObject({ asAt: null, asOfDate: null });
    expect(byRef(live)['8.1']).toMatchObject({ rag: 'GREEN', lastAsAt: '2025-12-31', overdue: true });
  });

  it('answers what the spreadsheet said on a date: the latest update dated on or before it, not yet rated before the first', async () => {
    const september = await planOn('asOfDate: "2025-09-30"');
    expect(september.errors).toBeUndefined();
    expect(september.data.plan).toMatchObject({ asOfDate: '2025-09-30', knownAt: DEFAULT_TEST_NOW, rollUp: { total: 3, amber: 1, notYetRated: 2, overdue: 0 } });
    expect(byRef(september)).toMatchObject({
      '8.1': { rag: 'AMBER', latestCommentary: 'Draft plan with the DfE.', lastAsAt: '2025-09-30', overdue: false, asOfDate: '2025-09-30' },
      '8.2': { rag: 'NOT_YET_RATED', latestCommentary: null, lastAsAt: null },
      '6.1': { rag: 'NOT_YET_RATED' },
    });

    const march = await planOn('asOfDate: "2026-03-31"');
    expect(march.data.plan.rollUp).toMatchObject({ green: 1, amber: 1, notYetRated: 1 });
    expect(byRef(march)['8.1']).toMatchObject({ rag: 'GREEN', latestCommentary: 'Recovery plan signed off.' });

    const july = await planOn('asOfDate: "2025-07-30"');
    expect(july.data.plan.rollUp).toMatchObject({ total: 3, notYetRated: 3 });
  });

  it('gives one action and its history as dated by then, and the root actions and owners reads take the day too', async () => {
    const result = await app.gql(`{
      action(planId: "${planId}", ref: "8.1", asOfDate: "2025-09-30") { rag asOfDate timeline { eventType } }
      actions(planId: "${planId}", asOfDate: "2025-09-30", filter: { rag: AMBER }) { totalCount }
      owners(planId: "${planId}", asOfDate: "2025-09-30") { totalActions }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.action).toEqual({ rag: 'AMBER', asOfDate: '2025-09-30', timeline: [{ eventType: 'ActionAdded' }, { eventType: 'ProgressReported' }, { eventType: 'ProgressReported' }] });
    expect(result.data.actions.totalCount).toBe(1);
    expect(result.data.owners).toEqual([{ totalActions: 3 }]);
  });

  it.each([
    ['asOfDate: "2025-09-30", recordedBy: "2026-01-01"', { code: 'BAD_USER_INPUT', field: 'asOfDate', rule: 'asOfDateOrRecordedAt' }],
    ['asOfDate: "2025-09-30", asAt: "2026-01-01"', { code: 'BAD_USER_INPUT', field: 'asOfDate', rule: 'asOfDateOrRecordedAt' }],
    ['asOfDate: "2025-09-30", asAtMeeting: "m1"', { code: 'BAD_USER_INPUT', field: 'asOfDate', rule: 'asOfDateOrRecordedAt' }],
    ['asOfDate: "2026-06-16"', { code: 'BAD_USER_INPUT', field: 'asOfDate', rule: 'notInFuture' }],
    ['asOfDate: "30/09/2025"', { code: 'BAD_USER_INPUT', field: 'asOfDate', rule: 'isCalendarDate' }],
    ['asOfDate: "2025-09-30", knownAt: "2026-06-16"', { code: 'BAD_USER_INPUT', field: 'knownAt', rule: 'notInFuture' }],
  ])('refuses plan(%s), naming the field', async (args, expected) => {
    const result = await planOn(args);
    expect(result.data).toBeNull();
    expect(refusal(result)).toMatchObject(expected);
  });

  it('applies a correction of a dated update once it is recorded, and knownAt shows what was known before it', async () => {
    const september = (await app.gql(`{ action(planId: "${planId}", ref: "8.1") { id revision timeline { revision summary } } }`)).data.action;
    app.clock.set('2026-06-20T09:00:00.000Z');
    const corrected = await app.gql(change('correctProgress', 'CorrectProgressInput'), {
      input: { actionId: september.id, expectedRevision: september.revision, supersedesRevision: 2, rag: 'RED', commentary: 'The draft had been withdrawn.', asAt: '2025-09-30', reason: 'The sheet was wrong' },
    });
    expect(corrected.errors).toBeUndefined();
    expect(byRef(await planOn('asOfDate: "2025-09-30"'))['8.1']).toMatchObject({ rag: 'RED', latestCommentary: 'The draft had been withdrawn.' });
    expect(byRef(await planOn('asOfDate: "2025-09-30", knownAt: "2026-06-16"'))['8.1']).toMatchObject({ rag: 'AMBER' });
    expect(byRef(await planOn(''))['8.1']).toMatchObject({ rag: 'GREEN' });
  });
});
