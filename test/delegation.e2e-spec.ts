import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp, TESTER } from './support/test-app';

/** "Action owners ... on the actions they own or are delegated": a deputy may act for the owner. */
describe('Delegating an action to a deputy, over HTTP', () => {
  let app: TestApp;
  let action: { id: string; revision: number; timeline: { eventType: string; actor: unknown }[] };
  const delegate = change('delegateAction', 'DelegationInput');
  const withdraw = change('withdrawDelegation', 'DelegationInput');
  const report = change('reportProgress', 'ReportProgressInput');

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-03-02T09:00:00.000Z' });
    await app.gql(CREATE_PLAN, { input: planInput('delegation') });
    action = (await app.gql(ADD_ACTION, { input: actionInput('delegation', '8.2') })).data.addAction;
    await app.addUser({ userId: 'deputy', displayName: 'Dana Deputy', owner: { name: 'Dana Deputy', organisation: 'Council' }, roles: ['ACTION_OWNER'], areas: ['test-area'] });
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: ['test-area'] });
    await app.addUser({ userId: 'outsider', roles: ['ACTION_OWNER'], areas: ['other-area'] });
  });

  afterAll(() => app?.close());

  const progress = (commentary: string) => ({
    input: { actionId: action.id, expectedRevision: action.revision, rag: 'AMBER', commentary, asAt: '2026-03-01' },
  });

  it('refuses the deputy before any delegation', async () => {
    const result = await app.as('deputy').gql(report, progress('Deputy update'));
    expect(result.errors![0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses the DfE adviser and answers NOT_FOUND for a delegate with no role in the area', async () => {
    const before = await app.allEvents();
    const byAdviser = await app.as('adviser').gql(delegate, { input: { actionId: action.id, expectedRevision: action.revision, delegateUserId: 'deputy' } });
    expect(byAdviser.errors![0].extensions?.code).toBe('FORBIDDEN');
    const toOutsider = await app.gql(delegate, { input: { actionId: action.id, expectedRevision: action.revision, delegateUserId: 'outsider' } });
    expect(toOutsider.errors![0].extensions?.code).toBe('NOT_FOUND');
    expect(await app.allEvents()).toEqual(before);
  });

  it('lets the owner delegate, after which the deputy reports progress in their own name', async () => {
    const delegated = await app.gql(delegate, { input: { actionId: action.id, expectedRevision: action.revision, delegateUserId: 'deputy' } });
    expect(delegated.errors).toBeUndefined();
    action = delegated.data.delegateAction;
    expect(delegated.data.delegateAction.timeline.at(-1)).toMatchObject({
      eventType: 'ActionDelegated',
      actor: { userId: TESTER },
    });

    const reported = await app.as('deputy').gql(report, progress('Deputy update: draft with finance panel'));
    expect(reported.errors).toBeUndefined();
    action = reported.data.reportProgress;
    expect(action.timeline.at(-1)).toMatchObject({ eventType: 'ProgressReported', actor: { userId: 'deputy', role: 'ACTION_OWNER' } });
  });

  it('withdraws the delegation, and the deputy is refused again', async () => {
    const withdrawn = await app.gql(withdraw, { input: { actionId: action.id, expectedRevision: action.revision, delegateUserId: 'deputy' } });
    expect(withdrawn.errors).toBeUndefined();
    action = withdrawn.data.withdrawDelegation;
    const before = await app.allEvents();
    const refused = await app.as('deputy').gql(report, progress('Too late'));
    expect(refused.errors![0].extensions?.code).toBe('FORBIDDEN');
    expect(await app.allEvents()).toEqual(before);
  });
});
