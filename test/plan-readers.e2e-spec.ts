import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';

/**
 * A request picks its reader once (live, or the plan as at an instant) and every model under it
 * is read through that reader. The as-at property test checks the historic answers against a
 * replay; these check what it cannot: that nested fields follow their parent's reader when the
 * parent came from "what moved" or a meeting, and the one field that reads today's figures
 * whatever the reader (an action's metrics).
 */
const PLAN = 'readers';
const ADDED = '2026-06-15T10:00:00.000Z';
const BEFORE_CHANGES = '2026-06-20T12:00:00.000Z';
const TODAY = '2026-08-03T09:00:00.000Z';

const DEFINE = `mutation ($input: DefineMetricInput!) { defineMetric(input: $input) { id } }`;
// Adding an action with a milestone records both.
const ON_ADDING = [{ eventType: 'ActionAdded' }, { eventType: 'MilestoneAdded' }];
const RECORD = `mutation ($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }`;

describe('Readers: every field under a model is read the way its request picked', () => {
  let app: TestApp;
  let actionId: string;
  let revision: number;

  async function ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await app.gql(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  }

  beforeAll(async () => {
    app = await startTestApp({ now: ADDED });
    await ok(CREATE_PLAN, { input: planInput(PLAN) });
    const added = await ok(ADD_ACTION, { input: actionInput(PLAN, '5.3', { dueDate: '2026-12-31', milestones: [{ title: 'Panel in place', dueDate: '2026-07-01' }] }) });
    actionId = added.addAction.id;
    revision = added.addAction.revision;
    const metric = {
      planId: PLAN, code: 'ehcp-20-weeks', name: 'New EHCPs within 20 weeks', description: 'Year to date', unit: 'PERCENT', polarity: 'HIGHER_IS_BETTER',
      frequency: 'MONTHLY', source: 'SEN2', owner: 'Head of SEND Assessment', areaNumbers: [5], actionIds: [actionId],
    };
    const metricId = (await ok(DEFINE, { input: metric })).defineMetric.id;
    await ok(RECORD, { input: { metricId, period: '2026-05', value: 40, asAt: '2026-05-31', source: 'SEN2 May' } });

    // Everything after this instant is later than the views the tests ask for.
    app.clock.set(TODAY);
    await ok(RECORD, { input: { metricId, period: '2026-07', value: 55, asAt: '2026-07-31', source: 'SEN2 July' } });
    const reported = await ok(change('reportProgress', 'ReportProgressInput'), {
      input: { actionId, expectedRevision: revision, rag: 'RED', asAt: '2026-08-03', commentary: 'Panel not yet in place.' },
    });
    revision = reported.reportProgress.revision;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers an action as at an instant from that instant: its milestones overdue as on that day, its timeline up to then', async () => {
    const then = await ok(`{ action(id: "${actionId}", asAt: "${BEFORE_CHANGES}") { asAt rag milestones { overdue } timeline { eventType } } }`);
    expect(then.action).toEqual({ asAt: BEFORE_CHANGES, rag: 'NOT_YET_RATED', milestones: [{ overdue: false }], timeline: ON_ADDING });
    const now = await ok(`{ action(id: "${actionId}") { asAt rag milestones { overdue } timeline { eventType } } }`);
    expect(now.action).toEqual({ asAt: null, rag: 'RED', milestones: [{ overdue: true }], timeline: [...ON_ADDING, { eventType: 'ProgressReported' }] });
  });

  it("answers an action's metrics as they stand today even as at an instant, as the field promises, while the scorecard then shows that instant", async () => {
    const res = await ok(`{
      action(id: "${actionId}", asAt: "${BEFORE_CHANGES}") { metrics { latest { value } series { value } } }
      scorecard(planId: "${PLAN}", asAt: "${BEFORE_CHANGES}") { latest { value } series { value } }
    }`);
    expect(res.action.metrics).toEqual([{ latest: { value: 55 }, series: [{ value: 40 }, { value: 55 }] }]);
    expect(res.scorecard).toEqual([{ latest: { value: 40 }, series: [{ value: 40 }] }]);
  });

  it('reads the actions "what moved" lists as at the end of the span, down to their timelines', async () => {
    const res = await ok(`{ movement(planId: "${PLAN}", from: "2026-06-14", to: "${BEFORE_CHANGES}") {
      added { ref asAt milestones { overdue } timeline { eventType } metrics { latest { value } } }
    } }`);
    expect(res.movement.added).toEqual([
      { ref: '5.3', asAt: BEFORE_CHANGES, milestones: [{ overdue: false }], timeline: ON_ADDING, metrics: [{ latest: { value: 55 } }] },
    ]);
  });

  it('carries the instant down a plan read as at it: its page of actions, owners and scorecard', async () => {
    const res = await ok(`{ plan(id: "${PLAN}", asAt: "${BEFORE_CHANGES}", knownAt: "now") {
      asAt knownAt rollUp { red notYetRated }
      actions(first: 5) { edges { node { ref asAt knownAt rag } } }
      owners { openActions overdue }
    } }`);
    expect(res.plan).toMatchObject({
      asAt: BEFORE_CHANGES,
      knownAt: TODAY,
      rollUp: { red: 0, notYetRated: 1 },
      actions: { edges: [{ node: { ref: '5.3', asAt: BEFORE_CHANGES, knownAt: TODAY, rag: 'NOT_YET_RATED' } }] },
      owners: [{ openActions: 1, overdue: 0 }],
    });
    const live = await ok(`{ plan(id: "${PLAN}") { asAt knownAt rollUp { red } actions(first: 5) { edges { node { asAt rag } } } } }`);
    expect(live.plan).toEqual({ asAt: null, knownAt: null, rollUp: { red: 1 }, actions: { edges: [{ node: { asAt: null, rag: 'RED' } }] } });
  });
});
