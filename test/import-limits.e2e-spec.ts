import { xlsxBomb } from './support/spreadsheet-bomb';
import { CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp, TESTER } from './support/test-app';

const IMPORT_MEASUREMENTS = `mutation ($input: ImportMeasurementsInput!) { importMeasurements(input: $input) { dryRun rows imported errors { row field message } } }`;
const DEFINE_METRIC = `mutation ($input: DefineMetricInput!) { defineMetric(input: $input) { id } }`;

// Making the bombs and starting the worker from TypeScript sources takes seconds on a busy machine;
// the bounds below are on the refusal itself (before the limits: 70 s, with the event loop held).
jest.setTimeout(60_000);

describe('Imports refuse files that would take more reading than a plan ever needs (shipped limits)', () => {
  let app: TestApp;
  let bomb: Buffer;
  let lyingBomb: Buffer;

  async function upload(planId: string, content: Buffer) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), 'plan.xlsx');
    const started = Date.now();
    const response = await fetch(app.url.replace('/graphql', `/plans/${planId}/import`), {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${await app.token(TESTER)}` },
    });
    return { status: response.status, body: (await response.json()) as any, ms: Date.now() - started };
  }
  const head = () => app.store().headPosition();

  beforeAll(async () => {
    [bomb, lyingBomb] = await Promise.all([xlsxBomb({ rows: 5_000_000 }), xlsxBomb({ rows: 5_000_000, declaredSheetBytes: 1000 })]);
    app = await startTestApp();
    await app.gql(CREATE_PLAN, { input: planInput('bombed') });
    await app.gql(DEFINE_METRIC, {
      input: { planId: 'bombed', code: 'mainstream', name: 'Children with an EHCP in mainstream schools', description: 'x', unit: 'PERCENT',
        polarity: 'HIGHER_IS_BETTER', frequency: 'MONTHLY', source: 'SEN2', owner: 'x', areaNumbers: [4], actionIds: [] },
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('refuses at once a workbook of under 1 MB that unpacks to 5 million rows, appending nothing', async () => {
    // Before the limits this held the process 70 s and left 3.3 GB resident.
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = await head();
    const refused = await upload('bombed', bomb);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'file', rule: 'inflatedTooLarge' });
    expect(refused.body.errors[0].message).toMatch(/^The workbook unpacks to 320,001,\d{3} bytes; an import reads at most 33,554,432 \(IMPORT_MAX_INFLATED_BYTES\)$/);
    expect(refused.ms).toBeLessThan(10_000);
    expect(await head()).toBe(before);
  });

  it('refuses the same bomb when its ZIP understates the size, and answers other requests while it reads', async () => {
    const before = await head();
    const pending = upload('bombed', lyingBomb);
    const answered: number[] = [];
    let refused: Awaited<typeof pending> | undefined;
    void pending.then((r) => (refused = r));
    while (!refused) {
      const started = Date.now();
      const ping = await app.gql(`{ plan(id: "bombed") { id } }`);
      expect(ping.data.plan.id).toBe('bombed');
      answered.push(Date.now() - started);
    }
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'file', rule: 'tooManyRows' });
    expect(refused.body.errors[0].message).toBe('The file has more than 5,000 rows of worksheet "Plan", the most an import reads (IMPORT_MAX_ROWS)');
    expect(refused.ms).toBeLessThan(10_000);
    expect(Math.max(...answered)).toBeLessThan(2000);
    expect(await head()).toBe(before);
  });

  it('refuses a measurements CSV of more rows than the limit, appending nothing', async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => `Children with an EHCP in mainstream schools,${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},40,2025-01-31,SEN2,no`);
    const csv = ['metric,period,value,as_at,source,provisional', ...rows].join('\n');
    const before = await head();
    const started = Date.now();
    const refused = await app.gql(IMPORT_MEASUREMENTS, { input: { planId: 'bombed', csv, dryRun: false } });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv', rule: 'tooManyRows' });
    expect(refused.errors![0].message).toBe('The file has more than 5,000 rows, the most an import reads (IMPORT_MAX_ROWS); nothing was imported');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await head()).toBe(before);
  });

  it('refuses a measurements CSV row wider than the limit', async () => {
    const csv = ['metric,period,value,as_at,source,provisional', `Children with an EHCP in mainstream schools,2025-01,40,2025-01-31,SEN2,no${','.repeat(200)}`].join('\n');
    const before = await head();
    const refused = await app.gql(IMPORT_MEASUREMENTS, { input: { planId: 'bombed', csv, dryRun: false } });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv', rule: 'tooManyColumns' });
    expect(refused.errors![0].message).toBe('Row 2 is 101 columns wide; an import reads at most 100 (IMPORT_MAX_COLUMNS); nothing was imported');
    expect(await head()).toBe(before);
  });
});
