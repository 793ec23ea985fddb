import { randomUUID } from 'node:crypto';
import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';

const REPORT = `mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { revision latestCommentary } }`;
const CLIENTS = 50;
/** Writers that reload and retry: each round lets one through, so the requests grow with the square. */
const RETRYING = 20;

/** Many people at one board meeting pressing "save" on the same action at once. */
describe('Concurrent writers and retried requests, over HTTP', () => {
  let app: TestApp;
  let seq = 0;

  beforeAll(async () => {
    app = await startTestApp();
    await app.gql(CREATE_PLAN, { input: planInput('busy') });
  });

  afterAll(async () => {
    await app?.close();
  });

  async function newAction(): Promise<{ id: string; revision: number }> {
    seq += 1;
    return (await app.gql(ADD_ACTION, { input: actionInput('busy', `1.${seq}`, { areaNumber: 1 }) })).data.addAction;
  }

  const report = (actionId: string, expectedRevision: number, commentary: string, commandId?: string) =>
    app.gql(REPORT, { input: { actionId, expectedRevision, rag: 'GREEN', asAt: '2026-06-15', commentary, commandId } });

  const eventsOf = async (actionId: string) => (await app.allEvents()).filter((e) => e.streamId === `action-${actionId}`);

  it(`lets exactly one of ${CLIENTS} writers on the same revision win; the rest get CONFLICT and nothing is half-written`, async () => {
    const action = await newAction();
    const before = (await eventsOf(action.id)).length;
    const results = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => report(action.id, action.revision, `Writer ${i}`)));
    const wins = results.filter((r) => !r.errors);
    const conflicts = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(wins).toHaveLength(1);
    expect(conflicts).toHaveLength(CLIENTS - 1);
    for (const c of conflicts) expect(c.errors![0].extensions!.currentRevision).toBe(action.revision + 1);
    expect((await eventsOf(action.id)).length).toBe(before + 1);
    const now = (await app.gql(`{ action(id: "${action.id}") { revision latestCommentary } }`)).data.action;
    expect(now).toEqual(wins[0].data.reportProgress);
  });

  it(`loses none of ${RETRYING} writers that reload and retry on CONFLICT: one event per success, revisions in a row`, async () => {
    const action = await newAction();
    const start = (await eventsOf(action.id)).length;
    let successes = 0;
    await Promise.all(
      Array.from({ length: RETRYING }, async (_, i) => {
        let revision = action.revision;
        for (let attempt = 0; attempt < 500; attempt++) {
          const result = await report(action.id, revision, `Update from writer ${i}`);
          if (!result.errors) {
            successes += 1;
            return;
          }
          expect(result.errors[0].extensions!.code).toBe('CONFLICT');
          revision = result.errors[0].extensions!.currentRevision;
        }
        throw new Error(`writer ${i} never got through`);
      }),
    );
    const events = await eventsOf(action.id);
    expect(successes).toBe(RETRYING);
    expect(events.length - start).toBe(RETRYING);
    expect(events.map((e) => Number(e.revision))).toEqual(events.map((_, i) => i));
    const commentaries = events.slice(start).map((e) => e.data.commentary).sort();
    expect(commentaries).toEqual(Array.from({ length: RETRYING }, (_, i) => `Update from writer ${i}`).sort());
  }, 60_000);

  it('answers a retried request (same commandId) with the first answer and appends once, even when the retries race', async () => {
    const action = await newAction();
    const commandId = randomUUID();
    const first = await report(action.id, action.revision, 'Sent once, retried after a timeout', commandId);
    expect(first.errors).toBeUndefined();
    const retry = await report(action.id, action.revision, 'Sent once, retried after a timeout', commandId);
    expect(retry).toEqual(first);
    const racing = randomUUID();
    const [a, b] = await Promise.all([1, 2].map(() => report(action.id, first.data.reportProgress.revision, 'Double click', racing)));
    expect(a.errors).toBeUndefined();
    expect(b).toEqual(a);
    const events = await eventsOf(action.id);
    expect(events.filter((e) => e.metadata.commandId === commandId)).toHaveLength(1);
    expect(events.filter((e) => e.metadata.commandId === racing)).toHaveLength(1);
  });
});
