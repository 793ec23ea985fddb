import { Client } from 'pg';
import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';
import { describeWithPostgres, FreshDatabase } from './support/test-postgres';

const PLAN = 'all-postgres';
const VERIFY = `query ($planId: ID!) { verifyHistory(planId: $planId, full: true) { ok eventsChecked head { position hash } readModel { rowsChecked firstMismatch { position } } } }`;
const ACTION = `query ($planId: ID!) { action(planId: $planId, ref: "1.1") { rag revision latestCommentary timeline { eventType } } }`;

/**
 * The api with everything on one PostgreSQL database (docs/scaling.md): the events in their own
 * schema, the read models beside them, over the real HTTP API.
 */
describeWithPostgres('The api with its events and read models on one PostgreSQL database', () => {
  let app: TestApp & { dataDir: string; postgres?: FreshDatabase };

  beforeAll(async () => {
    app = await startTestApp({ eventStore: 'postgres' });
  }, 60_000);

  afterAll(() => app?.close());

  it('records changes, refuses a stale write with CONFLICT, and verifies its hash chains', async () => {
    await app.gql(CREATE_PLAN, { input: planInput(PLAN) });
    const added = (await app.gql(ADD_ACTION, { input: actionInput(PLAN, '1.1') })).data.addAction;
    const input = { actionId: added.id, expectedRevision: added.revision, rag: 'AMBER', commentary: 'Two panels behind; recovery agreed.', asAt: '2026-06-01' };
    const reported = await app.gql(change('reportProgress', 'ReportProgressInput'), { input });
    expect(reported.errors).toBeUndefined();
    const before = await app.allEvents();
    const stale = await app.gql(change('reportProgress', 'ReportProgressInput'), { input: { ...input, rag: 'RED' } });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await app.allEvents()).map((e) => e.id)).toEqual(before.map((e) => e.id));

    const action = (await app.gql(ACTION, { planId: PLAN })).data.action;
    expect(action).toMatchObject({ rag: 'AMBER', latestCommentary: 'Two panels behind; recovery agreed.' });
    const verified = (await app.gql(VERIFY, { planId: PLAN })).data.verifyHistory;
    expect(verified).toMatchObject({ ok: true, eventsChecked: before.length, readModel: { firstMismatch: null } });
    expect(verified.head.position).toBe(String(before.at(-1)!.position));
    expect(verified.head.hash).toBe(before.at(-1)!.globalHash);
  });

  it('starts again on the same database with everything there, and rebuilding the read models leaves the events alone', async () => {
    const events = (await app.allEvents()).length;
    const { dataDir, postgres } = app;
    await app.close({ discard: false });
    // Read models of another version are dropped whole (every table in their schema) and replayed.
    const client = new Client({ connectionString: postgres!.url });
    await client.connect();
    await client.query('UPDATE read_model_schema SET version = 1');
    await client.end();
    const lines: { msg: string }[] = [];
    const logging = { level: 'warn' as const, format: 'json' as const, destination: { write: (line: string) => void lines.push(JSON.parse(line)) } };
    app = await startTestApp({ eventStore: 'postgres', reuse: { dataDir, postgres }, logging });
    expect(lines.map((l) => l.msg)).toContainEqual(expect.stringContaining('they are dropped and will be rebuilt from the event store'));
    expect(await app.allEvents()).toHaveLength(events);
    expect((await app.gql(ACTION, { planId: PLAN })).data.action).toMatchObject({ rag: 'AMBER' });
  }, 60_000);
});
