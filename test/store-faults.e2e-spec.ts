import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';

const REPORT = `mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { revision rag } }`;

/**
 * Another process (a backup, an operator's tool) holds the event store's write lock, as a
 * failing or unreachable store would: the write must fail clearly, leave nothing behind, and
 * work again once the store is back.
 */
describe('When the event store is unavailable', () => {
  let app: TestApp & { dataDir: string };
  let action: { id: string; revision: number };

  beforeAll(async () => {
    app = await startTestApp({ eventStoreBusyTimeoutMs: 150 });
    await app.gql(CREATE_PLAN, { input: planInput('faults') });
    action = (await app.gql(ADD_ACTION, { input: actionInput('faults', '1.1', { areaNumber: 1 }) })).data.addAction;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers SERVICE_UNAVAILABLE saying nothing changed, appends nothing, and recovers when the store is back', async () => {
    const input = { actionId: action.id, expectedRevision: action.revision, rag: 'RED', asAt: '2026-06-01', commentary: 'Written while the store was locked' };
    const before = await app.allEvents();
    const other = new Database(join(app.dataDir, 'events.sqlite'));
    other.pragma('busy_timeout = 0');
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      const refused = await app.gql(REPORT, { input });
      expect(refused.errors![0].extensions!.code).toBe('SERVICE_UNAVAILABLE');
      expect(refused.errors![0].message).toMatch(/nothing was changed/i);
      // Readers are not blocked by a writer in WAL mode: the board can still read the plan.
      const read = await app.gql(`{ action(id: "${action.id}") { revision rag } }`);
      expect(read.data.action).toEqual({ revision: action.revision, rag: 'NOT_YET_RATED' });
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    expect((await app.allEvents()).map((e) => e.id)).toEqual(before.map((e) => e.id));

    // The same request, with the same expected revision, goes through once the lock is gone.
    const retried = await app.gql(REPORT, { input });
    expect(retried.errors).toBeUndefined();
    expect(retried.data.reportProgress).toEqual({ revision: action.revision + 1, rag: 'RED' });
  });
});
