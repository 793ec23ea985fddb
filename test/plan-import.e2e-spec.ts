import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { KnownOwners } from '../apps/api/src/plan-import/owner-lookup';
import { eventStoreDirectory, readModelDirectory } from '../apps/api/src/plan-import/plan-import-directory';
import { PlanImportService } from '../apps/api/src/plan-import/plan-import.service';
import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp, TESTER } from './support/test-app';
import { uploadPlanSheet } from './support/plan-import-upload';

const HEADER = 'Ref,Area,Priorities,Title,Description,Owner,Owner role,Organisation,Due date,RAG,Latest commentary,As at';
const row = (cells: Partial<Record<'ref' | 'area' | 'priorities' | 'title' | 'description' | 'owner' | 'role' | 'org' | 'due' | 'rag' | 'commentary' | 'asAt', string>>) => {
  const c = { ref: '8.1', area: '8', priorities: '7', title: 'Deficit recovery plan', description: 'Draft and deliver it.', owner: 'Alex Morgan',
    role: 'Finance Lead – High Needs', org: 'Council', due: '31/03/2026', rag: 'Amber', commentary: 'Draft with the DfE.', asAt: '2026-05-31', ...cells };
  return [c.ref, c.area, c.priorities, c.title, c.description, c.owner, c.role, c.org, c.due, c.rag, c.commentary, c.asAt].map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
};
const GOOD_CSV = [HEADER, row({ ref: '8.3' }), row({ ref: '6.1', area: 'Sufficiency', priorities: '5; Provide strong financial oversight and governance', owner: 'Sam Patel', role: 'Head of Commissioning', org: 'NHS ICB', rag: '', commentary: '', asAt: '' })].join('\n');

describe('Importing a plan from a spreadsheet (POST /plans/:planId/import)', () => {
  let app: TestApp;

  const upload = (userId: string | null, planId: string, content: Buffer | string, fileName: string, query = '') => uploadPlanSheet(app, { userId, planId, content, fileName, query });
  const head = () => app.store().headPosition();
  const actionsOf = async (planId: string) =>
    (await app.gql(`{ actions(planId: "${planId}", first: 50) { edges { node { ref areaNumber priorityNumbers title dueDate rag latestCommentary lastAsAt leadOrganisation
      owner { name role organisation } timeline { eventType actor { userId role } } } } } }`)).data.actions.edges.map((e: any) => e.node);

  beforeAll(async () => {
    app = await startTestApp();
    await app.addUser({ userId: 'sam', displayName: 'Sam Patel', owner: { name: 'Sam Patel', organisation: 'NHS ICB' }, roles: ['ACTION_OWNER'], areas: ['test-area'] });
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: ['test-area'] });
    await app.addUser({ userId: 'chair', roles: ['BOARD_CHAIR', 'BOARD_MEMBER'], areas: ['test-area'] });
    await app.addUser({ userId: 'admin-elsewhere', roles: ['PLAN_ADMINISTRATOR'], areas: ['other-area'] });
    for (const planId of ['bad-rows', 'good-csv', 'good-xlsx', 'one-bad', 'resume']) await app.gql(CREATE_PLAN, { input: planInput(planId) });
    await app.gql(ADD_ACTION, { input: actionInput('bad-rows', '8.1') });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists every bad row by its number and reason in a dry run, and appends nothing, dry run or not', async () => {
    const file = [
      'SEND and AP Improvement Plan (export for the November board)',
      HEADER,
      row({ ref: '8.2' }),
      row({ ref: '9.1', area: '9' }),
      row({ ref: '8.3', priorities: '1; 12' }),
      row({ ref: '8.2', title: 'Same ref again' }),
      row({ ref: '8.4', due: '30/02/2026' }),
      row({ ref: '8.5', owner: 'Alex Morgen' }),
      row({ ref: '8.6', rag: 'Purple' }),
      row({ ref: '8.7', title: '' }),
      '',
      row({ ref: '8.8', description: 'x'.repeat(5001) }),
      row({ ref: '8.1', rag: 'Purple' }),
      row({ ref: '3.1' }),
      row({ ref: '8.9', rag: 'Blue' }),
      row({ ref: '8.10', asAt: '2026-07-01' }),
      row({ ref: '8.01' }),
    ].join('\r\n');
    const before = await head();
    const dry = await upload(TESTER, 'bad-rows', file, 'plan.csv', '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, format: 'csv', headerRow: 2, rows: 14, validRows: 0, imported: 0, actions: [] });
    expect(dry.body.problems.map((p: any) => [p.row, p.column, p.code])).toEqual([
      [4, 'Area', 'UNKNOWN_AREA'],
      [5, 'Priorities', 'UNKNOWN_PRIORITY'],
      [6, 'Ref', 'DUPLICATE_REF'],
      [7, 'Due date', 'IMPOSSIBLE_DATE'],
      [8, 'Owner', 'UNKNOWN_OWNER'],
      [9, 'RAG', 'BAD_RAG'],
      [10, 'Title', 'MISSING_VALUE'],
      [12, 'Description', 'TOO_LONG'],
      [13, 'Ref', 'REF_IN_PLAN'],
      [13, 'RAG', 'BAD_RAG'],
      [14, 'Ref', 'REF_OUTSIDE_AREA'],
      [15, 'RAG', 'BLUE_NOT_IMPORTABLE'],
      [16, 'As at', 'FUTURE_DATE'],
      [17, 'Ref', 'BAD_REF'],
    ]);
    const messages = dry.body.problems.map((p: any) => p.message);
    expect(messages[0]).toBe(`Row 4: "9" is not one of the plan's areas (1–8)`);
    expect(messages[2]).toBe(
      'Row 6: action 8.2 is also on row 3, with another Title; references are unique within a plan. A row repeating a ref is a dated update of that action: leave its other columns blank or as on row 3',
    );
    expect(messages[3]).toBe('Row 7: "30/02/2026" is not a real date (there is no 30 February 2026)');
    expect(messages[4]).toContain('"Alex Morgen" of "Council" is not a known owner');
    expect(await head()).toBe(before);

    const real = await upload(TESTER, 'bad-rows', file, 'plan.csv');
    expect(real.status).toBe(422);
    expect(real.body).toMatchObject({ dryRun: false, imported: 0 });
    expect(real.body.problems).toHaveLength(14);
    expect(await head()).toBe(before);
  });

  it('imports a good CSV through the commands users send, attributed to the importing user, visible over GraphQL', async () => {
    const dry = await upload(TESTER, 'good-csv', GOOD_CSV, 'plan.csv', '?dryRun=true');
    expect(dry.body).toMatchObject({ dryRun: true, rows: 2, validRows: 2, imported: 0, problems: [] });
    const real = await upload(TESTER, 'good-csv', GOOD_CSV, 'plan.csv');
    expect(real.status).toBe(200);
    expect(real.body).toMatchObject({ dryRun: false, rows: 2, validRows: 2, imported: 2, alreadyImported: 0, progressRecorded: 1, problems: [] });
    const actions = await actionsOf('good-csv');
    expect(actions.map((a: any) => [a.ref, a.areaNumber, a.priorityNumbers, a.dueDate, a.rag, a.latestCommentary, a.lastAsAt])).toEqual([
      ['6.1', 6, [5, 7], '2026-03-31', 'NOT_YET_RATED', null, null],
      ['8.3', 8, [7], '2026-03-31', 'AMBER', 'Draft with the DfE.', '2026-05-31'],
    ]);
    expect(actions[0].owner).toEqual({ name: 'Sam Patel', role: 'Head of Commissioning', organisation: 'NHS ICB' });
    expect(actions[1].timeline).toEqual([
      { eventType: 'ActionAdded', actor: { userId: TESTER, role: 'PLAN_ADMINISTRATOR' } },
      { eventType: 'ProgressReported', actor: { userId: TESTER, role: 'PLAN_ADMINISTRATOR' } },
    ]);
    const imported = (await app.allEvents()).filter((e) => e.metadata.correlationId === real.body.importId);
    expect(imported.map((e) => e.type).sort()).toEqual(['ActionAdded', 'ActionAdded', 'ProgressReported']);
    expect(imported.every((e) => e.metadata.actor?.userId === TESTER)).toBe(true);
  });

  it('imports an XLSX with a title row, Excel date cells and names for areas and priorities', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Improvement plan');
    sheet.addRow(['SEND and AP Improvement Plan, revised September 2025']);
    sheet.addRow(['Action ref', 'Improvement area', 'Recovery priorities', 'Action', 'Description', 'Action owner', 'Job title', 'Organisation', 'Target date', 'RAG status', 'Commentary', 'Last updated', 'Lead organisation']);
    sheet.addRow(['4.1', 'Inclusion', 1, 'OAP toolkit', 'Ordinarily Available Provision toolkit, £215k.', 'alex morgan', 'Finance Lead – High Needs', 'Council', new Date(Date.UTC(2026, 8, 30)), 'G', 'Seconded school leader in post.', new Date(Date.UTC(2026, 4, 20))]);
    sheet.addRow(['4.2', '4 - Inclusion', 'Build skill and capacity to meet need in mainstream; 2', 'Inclusion advisers', 'Three advisers appointed.', 'Sam Patel', 'Designated Clinical Officer', 'NHS ICB', '2026-12-31', 'red', 'Third adviser starts in January.', '05/06/2026', 'Council with NHS ICB']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const real = await upload(TESTER, 'good-xlsx', content, 'plan.xlsx');
    expect(real.body).toMatchObject({ format: 'xlsx', sheet: 'Improvement plan', headerRow: 2, rows: 2, imported: 2, problems: [] });
    const actions = await actionsOf('good-xlsx');
    expect(actions.map((a: any) => [a.ref, a.priorityNumbers, a.dueDate, a.rag, a.lastAsAt, a.owner.name, a.owner.role, a.leadOrganisation])).toEqual([
      ['4.1', [1], '2026-09-30', 'GREEN', '2026-05-20', 'Alex Morgan', 'Finance Lead – High Needs', 'Council'],
      ['4.2', [1, 2], '2026-12-31', 'RED', '2026-06-05', 'Sam Patel', 'Designated Clinical Officer', 'Council with NHS ICB'],
    ]);

    // The command line learns owners from the event store, the api from its read models: both must know the same people.
    const sorted = (known: KnownOwners) => ({
      planOwners: [...known.planOwners].sort((a, b) => a.name.localeCompare(b.name)),
      areaUsers: [...known.areaUsers].sort((a, b) => a.userId.localeCompare(b.userId)),
    });
    const fromStore = await eventStoreDirectory(app.store()).knownOwners('good-xlsx', 'test-area');
    expect(fromStore.planOwners).toHaveLength(2);
    expect(sorted(fromStore)).toEqual(sorted(await readModelDirectory(app.app.get(DataSource)).knownOwners('good-xlsx', 'test-area')));
  });

  it('imports nothing from a file with one bad row, and nothing twice when a completed import is run again', async () => {
    const oneBad = [HEADER, row({ ref: '8.1' }), row({ ref: '8.2' }), row({ ref: '8.3', due: '31/13/2026' })].join('\n');
    const before = await head();
    const refused = await upload(TESTER, 'one-bad', oneBad, 'plan.csv');
    expect(refused.status).toBe(422);
    expect(refused.body.problems.map((p: any) => [p.row, p.code])).toEqual([[4, 'IMPOSSIBLE_DATE']]);
    expect(await head()).toBe(before);
    expect(await actionsOf('one-bad')).toEqual([]);

    const again = await upload(TESTER, 'good-csv', GOOD_CSV, 'plan.csv');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ imported: 0, alreadyImported: 2, progressRecorded: 0, problems: [] });
    expect(await head()).toBe(before);
  });

  it('completes an import that stopped part way when it is run again, appending nothing twice', async () => {
    const file = [HEADER, row({ ref: '8.1' }), row({ ref: '8.2' }), row({ ref: '8.3' }), row({ ref: '8.4' })].join('\n');
    const principal = { userId: TESTER, displayName: 'Alex Morgan', ownerId: null, grants: [{ role: 'PLAN_ADMINISTRATOR' as const, localAreaId: 'test-area' }] };
    const crash = new Error('power cut');
    await expect(
      app.app.get(PlanImportService).import({ planId: 'resume', content: Buffer.from(file), principal, dryRun: false, onProgress: (done) => { if (done === 2) throw crash; } }),
    ).rejects.toBe(crash);
    expect((await actionsOf('resume')).map((a: any) => a.ref)).toEqual(['8.1', '8.2']);

    const rerun = await upload(TESTER, 'resume', file, 'plan.csv');
    expect(rerun.body).toMatchObject({ imported: 2, alreadyImported: 2, problems: [] });
    expect(rerun.body.actions.map((a: any) => a.outcome)).toEqual(['already imported', 'already imported', 'imported', 'imported']);
    const events = (await app.allEvents()).filter((e) => e.metadata.correlationId === rerun.body.importId);
    expect(events).toHaveLength(8);
    expect(new Set(events.map((e) => e.metadata.commandId)).size).toBe(8);
  });

  it('refuses the DfE adviser, owners and the board, even a dry run; an unsigned request; a plan out of sight; an oversized or unreadable file', async () => {
    const before = await head();
    for (const userId of ['adviser', 'sam', 'chair']) {
      const refused = await upload(userId, 'good-csv', GOOD_CSV, 'plan.csv', '?dryRun=true');
      expect(refused.status).toBe(403);
      expect(refused.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'roleAllows' });
      expect(refused.body.errors[0].message).toBe('You may not import a plan from a spreadsheet: only plan administrator may');
    }
    expect((await upload(null, 'good-csv', GOOD_CSV, 'plan.csv')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    for (const [userId, planId] of [[TESTER, 'no-such-plan'], ['admin-elsewhere', 'good-csv']]) {
      const missing = await upload(userId, planId, GOOD_CSV, 'plan.csv', '?dryRun=true');
      expect([missing.status, missing.body.errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
    }

    const huge = await upload(TESTER, 'good-csv', Buffer.alloc(6 * 1024 * 1024, 'a'), 'plan.csv');
    expect(huge.status).toBe(413);
    expect(huge.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'file', rule: 'fileTooLarge' });
    const binary = await upload(TESTER, 'good-csv', Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0]), 'plan.xlsx');
    expect([binary.status, binary.body.errors[0].extensions]).toEqual([400, { code: 'BAD_USER_INPUT', field: 'file', rule: 'unreadableFile' }]);
    const badQuery = await upload(TESTER, 'good-csv', GOOD_CSV, 'plan.csv', '?dryRun=yes');
    expect(badQuery.body.errors[0].extensions.validationErrors[0]).toMatchObject({ field: 'dryRun' });
    expect(await head()).toBe(before);
  });
});

describe('The sample import file for newcomers (docs/examples/plan-import.csv)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loadDemoPlan: true });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('imports into the demo plan as the programme office', async () => {
    const form = new FormData();
    form.append('file', new Blob([readFileSync(join(__dirname, '../docs/examples/plan-import.csv'))]), 'plan-import.csv');
    const response = await fetch(app.url.replace('/graphql', '/plans/demo-plan/import'), {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${await app.token('programme-office')}` },
    });
    const report = (await response.json()) as any;
    expect(report).toMatchObject({ rows: 7, imported: 7, progressRecorded: 6, problems: [], ignoredColumns: [] });
    const refs = (await app.as('dfe-adviser').gql(`{ actions(planId: "demo-plan", filter: { area: 6 }) { edges { node { ref rag } } } }`)).data.actions.edges;
    expect(refs).toContainEqual({ node: { ref: '6.5', rag: 'AMBER' } });
  });
});
