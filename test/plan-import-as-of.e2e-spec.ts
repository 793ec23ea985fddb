import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CREATE_PLAN, planInput } from './support/plan-operations';
import { runCli } from './support/run-cli';
import { startTestApp, TESTER, TestApp } from './support/test-app';
import { uploadPlanSheet } from './support/plan-import-upload';

/**
 * The plan import names the business date of rows that give none `asOfDate` (`?asOfDate=`,
 * `--as-of`), as the API's updates do; the old `asAt` and `--as-at` still work until release 0.3.0,
 * and giving both is refused before anything is read.
 */
const HEADER = 'Ref,Area,Priorities,Title,Description,Owner,Owner role,Organisation,Due date,RAG,Latest commentary,As of date';
const csv = (ref: string, asOfDate = '') =>
  `${HEADER}\n${ref},8,7,High Needs recovery plan,Agree the plan with the DfE.,Alex Morgan,Finance Lead – High Needs,Council,31/03/2027,Amber,Draft with the DfE.,${asOfDate}`;

describe('The plan import’s business date: asOfDate and --as-of, beside the deprecated asAt and --as-at', () => {
  let app: TestApp & { dataDir: string };
  let plans = 0;

  async function freshPlan(): Promise<string> {
    const planId = `import-as-of-${++plans}`;
    expect((await app.gql(CREATE_PLAN, { input: planInput(planId) })).errors).toBeUndefined();
    return planId;
  }

  const upload = (planId: string, content: string, query: string) => uploadPlanSheet(app, { userId: TESTER, planId, content, query });

  /** The business date of the latest progress update, read from the store itself. */
  const lastReportedDate = async () => ((await app.allEvents()).filter((e) => e.type === 'ProgressReported').at(-1)?.data as { asAt: string } | undefined)?.asAt;
  const eventCount = async () => (await app.allEvents()).length;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app?.close());

  it('takes the date of rows without one from ?asOfDate=, as it did from ?asAt=, and reads an "As of date" column', async () => {
    for (const [query, cell, expected] of [
      ['?asOfDate=2026-05-01', '', '2026-05-01'],
      ['?asAt=2026-05-02', '', '2026-05-02'],
      ['?asOfDate=2026-05-01', '2026-04-30', '2026-04-30'],
    ] as const) {
      const answer = await upload(await freshPlan(), csv('8.3', cell), query);
      expect(answer).toMatchObject({ status: 200, body: { imported: 1, progressRecorded: 1, problems: [] } });
      expect(await lastReportedDate()).toBe(expected);
    }
  });

  it('refuses ?asOfDate= and ?asAt= together, naming both, and writes nothing', async () => {
    const planId = await freshPlan();
    const before = await eventCount();
    const both = await upload(planId, csv('8.3'), '?asOfDate=2026-05-01&asAt=2026-05-01');
    expect(both.status).toBe(400);
    expect(both.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      validationErrors: [{ field: 'asAt', rule: 'notGivenWith', message: expect.stringContaining('asOfDate') }],
    });
    expect(await eventCount()).toBe(before);
  });

  it('npm run import takes --as-of, still takes --as-at, and refuses both', async () => {
    const file = join(app.dataDir, 'plan.csv');
    writeFileSync(file, csv('8.3'));
    const env = { DATA_DIR: app.dataDir };
    for (const [flag, date] of [
      ['--as-of', '2026-05-03'],
      ['--as-at', '2026-05-04'],
    ] as const) {
      const run = await runCli('import-plan', ['--plan', await freshPlan(), '--file', file, '--user', TESTER, flag, date], env);
      expect({ code: run.code, output: run.output }).toEqual({ code: 0, output: expect.stringContaining('Imported') });
      expect(await lastReportedDate()).toBe(date);
    }
    const planId = await freshPlan();
    const before = await eventCount();
    const both = await runCli('import-plan', ['--plan', planId, '--file', file, '--user', TESTER, '--as-of', '2026-05-03', '--as-at', '2026-05-03'], env);
    expect(both.code).not.toBe(0);
    expect(both.output).toContain('Give --as-of or its old name --as-at, not both');
    expect(await eventCount()).toBe(before);
  });
});
