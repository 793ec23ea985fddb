import { readDatabaseKinds, startTestApp } from './support/test-app';

const NOW = '2026-11-23T08:00:00.000Z';
const COUNTS = `query ($asAt: String) {
  plan(id: "demo-plan", asAt: $asAt) { rollUp { total withdrawn superseded } areas { number rollUp { total withdrawn superseded } } }
  all: actions(planId: "demo-plan", first: 1, asAt: $asAt) { totalCount }
  inForce: actions(planId: "demo-plan", filter: { inForce: true }, first: 100, asAt: $asAt) { totalCount edges { node { status } } }
  closed: actions(planId: "demo-plan", filter: { inForce: false }, first: 100, asAt: $asAt) { totalCount edges { node { status } } }
}`;
const AREA = `query ($area: Int!, $asAt: String) { actions(planId: "demo-plan", filter: { area: $area, inForce: true }, first: 1, asAt: $asAt) { totalCount } }`;

/**
 * The action list and the roll-up must count the same actions: `inForce` picks the open and
 * complete ones the roll-up's total counts, and leaves out the withdrawn and superseded it counts apart.
 */
describe.each(readDatabaseKinds())('Actions in force count as the roll-up does (read models on %s)', (readDatabase) => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp({ readDatabase, loadDemoPlan: true, now: NOW, areas: ['demo-area'] });
  }, 60_000);
  afterAll(() => app?.close());

  it.each([
    ['live', undefined],
    ['as at a date (folded from history)', '2026-11-22'],
  ])('%s: the whole plan and every area', async (_when, asAt) => {
    const { data, errors } = await app.gql(COUNTS, { asAt });
    expect(errors).toBeUndefined();
    const { rollUp } = data.plan;
    expect(rollUp.withdrawn + rollUp.superseded).toBeGreaterThan(0);
    expect(data.inForce.totalCount).toBe(rollUp.total);
    expect(data.closed.totalCount).toBe(rollUp.withdrawn + rollUp.superseded);
    expect(data.all.totalCount).toBe(rollUp.total + rollUp.withdrawn + rollUp.superseded);
    expect(new Set(data.inForce.edges.map((e: any) => e.node.status))).toEqual(new Set(['OPEN', 'COMPLETE']));
    expect(new Set(data.closed.edges.map((e: any) => e.node.status))).toEqual(new Set(['WITHDRAWN', 'SUPERSEDED']));
    for (const area of data.plan.areas) {
      const listed = (await app.gql(AREA, { area: area.number, asAt })).data.actions.totalCount;
      expect({ area: area.number, listed }).toEqual({ area: area.number, listed: area.rollUp.total });
    }
  });
});
