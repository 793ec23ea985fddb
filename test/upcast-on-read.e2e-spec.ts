import { actionStream, EVENT_SCHEMA_VERSIONS, UPCASTERS } from '@send/domain';
import { ProjectionService } from '../apps/api/src/infrastructure/projection.service';
import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The app reads every event through one upcasting store, so an event stored in an older shape
 * reaches the command path, the projections, an as-at read and the quarterly report already
 * lifted. To see that through every path at once, this suite plays a later build: ProgressReported
 * is at version 2, and version 1 stored the rating as `status` and the commentary as `note`. Were
 * any path to read the store without the upcaster, it would find no `rag` and no `commentary`.
 */
describe('An event stored in an older version, read through the app', () => {
  let app: TestApp;
  let actionId: string;
  const shipped = EVENT_SCHEMA_VERSIONS.ProgressReported;

  beforeAll(async () => {
    // A later build's registry. Only this file's module registry sees it (Jest isolates each suite).
    EVENT_SCHEMA_VERSIONS.ProgressReported = shipped + 1;
    UPCASTERS[`ProgressReported@${shipped}`] = ({ status, note, ...rest }) => ({ ...rest, rag: status, previousRag: 'NOT_YET_RATED', commentary: note });

    app = await startTestApp({ now: '2026-04-02T09:00:00.000Z' });
    await app.gql(CREATE_PLAN, { input: planInput('lifted') });
    const added = (await app.gql(ADD_ACTION, { input: actionInput('lifted', '8.2') })).data.addAction;
    actionId = added.id;
    await app.store().appendToStream(
      actionStream(actionId),
      [
        {
          id: '5e1f0c2a-0000-4000-8000-000000000001',
          type: 'ProgressReported',
          data: { actionId, status: 'RED', note: 'Finance panel postponed', asAt: '2026-05-01' },
          metadata: { schemaVersion: shipped, occurredAt: '2026-05-01T09:00:00.000Z', commandId: 'v1-update', correlationId: 'v1-update', causationId: 'v1-update', actor: null },
        },
      ],
      BigInt(added.revision),
    );
    app.clock.set('2026-06-15T09:00:00.000Z');
    await app.app.get(ProjectionService).caughtUpToHead();
  });

  afterAll(async () => {
    await app?.close();
    EVENT_SCHEMA_VERSIONS.ProgressReported = shipped;
    delete UPCASTERS[`ProgressReported@${shipped}`];
  });

  it('stores it as it was written: the store is never rewritten', async () => {
    const [stored] = (await app.allEvents()).filter((e) => e.type === 'ProgressReported');
    expect(stored).toMatchObject({ data: { status: 'RED', note: 'Finance panel postponed' }, metadata: { schemaVersion: shipped } });
  });

  it('projects it lifted', async () => {
    const { data, errors } = await app.gql(`query ($id: ID!) { action(id: $id) { rag latestCommentary } }`, { id: actionId });
    expect(errors).toBeUndefined();
    expect(data.action).toEqual({ rag: 'RED', latestCommentary: 'Finance panel postponed' });
  });

  it('shows it lifted as at an instant, folded from the store', async () => {
    const asAt = `query ($id: ID!, $asAt: String) { action(id: $id, asAt: $asAt) { rag latestCommentary } }`;
    expect((await app.gql(asAt, { id: actionId, asAt: '2026-05-02' })).data.action).toEqual({ rag: 'RED', latestCommentary: 'Finance panel postponed' });
    expect((await app.gql(asAt, { id: actionId, asAt: '2026-04-30' })).data.action).toEqual({ rag: 'NOT_YET_RATED', latestCommentary: null });
  });

  it('puts it in the quarterly report', async () => {
    app.clock.set('2026-07-02T09:00:00.000Z');
    const { data, errors } = await app.gql(`query { quarterlyReport(planId: "lifted", financialYear: 2026, quarter: 1) { csv } }`);
    expect(errors).toBeUndefined();
    const [header, row] = data.quarterlyReport.csv.split('\r\n');
    const cell = (name: string) => row.split(',')[header.split(',').indexOf(name)];
    expect([cell('rag'), cell('latest_commentary')]).toEqual(['RED', 'Finance panel postponed']);
  });

  it('decides the next command on it: the state the command path folds has its rating', async () => {
    app.clock.set('2026-07-02T09:00:00.000Z');
    const revision = Number((await app.store().readStream(actionStream(actionId))).at(-1)!.revision);
    const reported = await app.gql(change('reportProgress', 'ReportProgressInput'), {
      input: { actionId, expectedRevision: revision, rag: 'AMBER', commentary: 'Panel rescheduled', asAt: '2026-07-01' },
    });
    expect(reported.errors).toBeUndefined();
    const latest = (await app.allEvents()).at(-1)!;
    expect(latest).toMatchObject({ type: 'ProgressReported', data: { rag: 'AMBER', previousRag: 'RED' }, metadata: { schemaVersion: shipped + 1 } });
  });
});
