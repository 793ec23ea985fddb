import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { readDatabaseKinds, startTestApp, TestApp } from './support/test-app';

const BY_REF = `query ($planId: ID, $ref: String, $asAt: String) { action(planId: $planId, ref: $ref, asAt: $asAt) { id planId ref rag } }`;
const PAGE = `query ($planId: ID!, $filter: ActionFilterInput, $asAt: String) { actions(planId: $planId, filter: $filter, asAt: $asAt) { totalCount edges { node { id ref } } } }`;

describe.each(readDatabaseKinds())('Finding an action by its plan and reference (read models on %s)', (readDatabase) => {
  let app: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp({ readDatabase, now: '2026-01-05T09:00:00.000Z' });
    await app.addUser({ userId: 'elsewhere-admin', roles: ['PLAN_ADMINISTRATOR'], areas: ['other-area'] });
    for (const planId of ['refs', 'refs-two']) expect((await app.gql(CREATE_PLAN, { input: planInput(planId) })).errors).toBeUndefined();
    expect((await app.as('elsewhere-admin').gql(CREATE_PLAN, { input: planInput('refs-elsewhere', 'other-area') })).errors).toBeUndefined();
    for (const [planId, ref] of [['refs', '1.1'], ['refs', '1.10'], ['refs', '8.2'], ['refs-two', '8.2']]) {
      const added = await app.gql(ADD_ACTION, { input: actionInput(planId, ref) });
      expect(added.errors).toBeUndefined();
      ids[`${planId} ${ref}`] = added.data.addAction.id;
    }
    await app.as('elsewhere-admin').gql(ADD_ACTION, { input: actionInput('refs-elsewhere', '8.2') });
    app.clock.set('2026-02-02T09:00:00.000Z');
    const report = await app.gql(change('reportProgress', 'ReportProgressInput'), {
      input: { actionId: ids['refs 8.2'], expectedRevision: 1, rag: 'GREEN', commentary: 'On track', asAt: '2026-02-01' },
    });
    expect(report.errors).toBeUndefined();
  });

  afterAll(() => app?.close());

  it('finds the action its id finds, within its own plan only: 1.1 is not 1.10, and 8.2 of one plan is not 8.2 of another', async () => {
    for (const key of Object.keys(ids)) {
      const [planId, ref] = key.split(' ');
      const found = await app.gql(BY_REF, { planId, ref });
      expect(found.errors).toBeUndefined();
      expect(found.data.action).toMatchObject({ id: ids[key], planId, ref });
    }
    const byId = await app.gql(`query ($id: ID!) { action(id: $id) { id ref rag } }`, { id: ids['refs 8.2'] });
    expect(byId.data.action).toEqual({ id: ids['refs 8.2'], ref: '8.2', rag: 'GREEN' });
  });

  it('shows it as it was at an instant, and not before it was added', async () => {
    const before = await app.gql(BY_REF, { planId: 'refs', ref: '8.2', asAt: '2026-01-20' });
    expect(before.errors).toBeUndefined();
    expect(before.data.action).toMatchObject({ id: ids['refs 8.2'], rag: 'NOT_YET_RATED' });
    const notYet = await app.gql(BY_REF, { planId: 'refs', ref: '8.2', asAt: '2025-12-31' });
    expect(notYet.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', rule: 'existedAsAt' });
  });

  it.each([
    ['8.2', 'live', ['8.2']],
    ['1.1', 'live', ['1.1']],
    ['1.10', 'live', ['1.10']],
    ['8.3', 'live', []],
    ['8.2', '2026-01-20', ['8.2']],
    ['1.1', '2026-01-20', ['1.1']],
  ])('filters a page of actions by ref %s (%s)', async (ref, when, expected) => {
    const page = await app.gql(PAGE, { planId: 'refs', filter: { ref }, ...(when === 'live' ? {} : { asAt: when }) });
    expect(page.errors).toBeUndefined();
    expect(page.data.actions.totalCount).toBe(expected.length);
    expect(page.data.actions.edges.map((e: { node: { ref: string } }) => e.node.ref)).toEqual(expected);
    expect(page.data.actions.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(expected.map((r) => ids[`refs ${r}`]));
  });

  it.each<[string, string, Record<string, unknown>, Record<string, unknown>]>([
    ['neither id nor planId and ref', `{ action { id } }`, {}, { code: 'BAD_USER_INPUT', field: 'id', rule: 'required' }],
    ['an id and a reference too', `query ($id: ID) { action(id: $id, planId: "refs", ref: "8.2") { id } }`, { id: 'x' }, { code: 'BAD_USER_INPUT', field: 'id', rule: 'idOrPlanAndRef' }],
    ['a plan without a reference', `{ action(planId: "refs") { id } }`, {}, { code: 'BAD_USER_INPUT', field: 'ref', rule: 'required' }],
    ['a reference without a plan', `{ action(ref: "8.2") { id } }`, {}, { code: 'BAD_USER_INPUT', field: 'planId', rule: 'required' }],
    ['a reference that is not one', `{ action(planId: "refs", ref: "eight") { id } }`, {}, { code: 'BAD_USER_INPUT', validationErrors: [expect.objectContaining({ field: 'ref', rule: 'matches' })] }],
    ['a reference the plan does not have', `{ action(planId: "refs", ref: "8.3") { id } }`, {}, { code: 'NOT_FOUND', field: 'ref', rule: 'actionExists' }],
    ['a filter reference that is not one', `{ actions(planId: "refs", filter: { ref: "8" }) { totalCount } }`, {}, { code: 'BAD_USER_INPUT', validationErrors: [expect.objectContaining({ field: 'filter.ref', rule: 'matches' })] }],
  ])('refuses %s, with a stable code naming the argument', async (_case, query, variables, extensions) => {
    const result = await app.gql(query, variables);
    expect(result.data).toBeNull();
    expect(result.errors![0].extensions).toMatchObject(extensions);
  });

  it('refuses to add 8.02 beside 8.2, which the read models would take for it, and appends nothing', async () => {
    const before = await app.allEvents();
    const refused = await app.gql(ADD_ACTION, { input: actionInput('refs', '8.02') });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', validationErrors: [expect.objectContaining({ field: 'ref', rule: 'matches' })] });
    expect(await app.allEvents()).toEqual(before);
    expect((await app.gql(BY_REF, { planId: 'refs', ref: '8.2' })).data.action).toMatchObject({ id: ids['refs 8.2'] });
  });

  it('answers a plan in another area exactly as a plan that does not exist', async () => {
    const elsewhere = await app.gql(BY_REF, { planId: 'refs-elsewhere', ref: '8.2' });
    const nowhere = await app.gql(BY_REF, { planId: 'refs-nowhere', ref: '8.2' });
    expect(elsewhere.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(elsewhere.errors![0].message.replace('refs-elsewhere', 'ID')).toBe(nowhere.errors![0].message.replace('refs-nowhere', 'ID'));
    const page = await app.gql(PAGE, { planId: 'refs-elsewhere', filter: { ref: '8.2' } });
    expect(page.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await app.as('elsewhere-admin').gql(BY_REF, { planId: 'refs-elsewhere', ref: '8.2' })).data.action).toMatchObject({ ref: '8.2' });
  });
});
