import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { ProjectionService } from '../apps/api/src/infrastructure/projection.service';
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
    await app.addUser({ userId: 'colleague', displayName: 'Cal Colleague', roles: ['ACTION_OWNER'], areas: ['test-area'] });
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

  it('refuses the deputy passing the action on, or withdrawing anyone: only the owner or the programme office may', async () => {
    const before = await app.allEvents();
    const onward = await app.as('deputy').gql(delegate, { input: { actionId: action.id, expectedRevision: action.revision, delegateUserId: 'colleague' } });
    expect(onward.errors![0].extensions?.code).toBe('FORBIDDEN');
    const selfWithdraw = await app.as('deputy').gql(withdraw, { input: { actionId: action.id, expectedRevision: action.revision, delegateUserId: 'deputy' } });
    expect(selfWithdraw.errors![0].extensions?.code).toBe('FORBIDDEN');
    expect(await app.allEvents()).toEqual(before);
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

  it('withdraws, with a delegate, everyone they passed the action on to in a history from before the rule (ActionDelegated v1)', async () => {
    const chained = (await app.gql(ADD_ACTION, { input: actionInput('delegation', '8.3') })).data.addAction;
    const streamId = `action-${chained.id}`;
    // As recorded when delegates could delegate: version 1 events, no delegatedBy, the actor in the metadata.
    const v1 = (n: number, delegateUserId: string, delegateName: string, actorUserId: string) => ({
      id: `7a2e5c10-0000-4000-8000-00000000000${n}`,
      type: 'ActionDelegated',
      data: { actionId: chained.id, delegateUserId, delegateName },
      metadata: { schemaVersion: 1, occurredAt: '2026-02-01T09:00:00.000Z', commandId: `v1-${n}`, correlationId: `v1-${n}`, causationId: `v1-${n}`, actor: { userId: actorUserId, role: 'ACTION_OWNER' } },
    });
    const head = (await app.store().readStream(streamId)).at(-1)!.revision;
    await app.store().appendToStream(streamId, [v1(1, 'deputy', 'Dana Deputy', TESTER), v1(2, 'colleague', 'Cal Colleague', 'deputy')], head);
    await app.app.get(ProjectionService).caughtUpToHead();
    const ACTION = `query ($id: ID!) { action(id: $id) { revision delegates { userId } } }`;
    const loaded = (await app.gql(ACTION, { id: chained.id })).data.action;
    expect(loaded.delegates.map((d: { userId: string }) => d.userId)).toEqual(['deputy', 'colleague']);

    const withdrawn = await app.gql(withdraw, { input: { actionId: chained.id, expectedRevision: loaded.revision, delegateUserId: 'deputy' } });
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data.withdrawDelegation.timeline.slice(-2).map((t: { eventType: string }) => t.eventType)).toEqual(['DelegationWithdrawn', 'DelegationWithdrawn']);
    expect((await app.gql(ACTION, { id: chained.id })).data.action.delegates).toEqual([]);

    const before = await app.allEvents();
    const stale = { actionId: chained.id, expectedRevision: withdrawn.data.withdrawDelegation.revision, rag: 'GREEN', commentary: 'Still here', asAt: '2026-03-01' };
    const refused = await app.as('colleague').gql(report, { input: stale });
    expect(refused.errors![0].extensions?.code).toBe('FORBIDDEN');
    const reDelegate = await app.as('colleague').gql(delegate, { input: { actionId: chained.id, expectedRevision: stale.expectedRevision, delegateUserId: 'deputy' } });
    expect(reDelegate.errors![0].extensions?.code).toBe('FORBIDDEN');
    expect(await app.allEvents()).toEqual(before);
  });

  it('lets every delegation lapse when the action is given to a new owner', async () => {
    let handed = (await app.gql(ADD_ACTION, { input: actionInput('delegation', '8.4') })).data.addAction;
    handed = (await app.gql(delegate, { input: { actionId: handed.id, expectedRevision: handed.revision, delegateUserId: 'deputy' } })).data.delegateAction;
    const reassigned = await app.gql(change('reassignActionOwner', 'ReassignOwnerInput'), {
      input: { actionId: handed.id, expectedRevision: handed.revision, owner: { name: 'Jordan Lee', role: 'Head of SEND', organisation: 'Council' }, reason: 'Restructure' },
    });
    expect(reassigned.errors).toBeUndefined();
    expect(reassigned.data.reassignActionOwner.timeline.slice(-2).map((t: { eventType: string }) => t.eventType)).toEqual(['OwnerReassigned', 'DelegationWithdrawn']);
    const refused = await app.as('deputy').gql(report, {
      input: { actionId: handed.id, expectedRevision: reassigned.data.reassignActionOwner.revision, rag: 'GREEN', commentary: 'Still mine?', asAt: '2026-03-01' },
    });
    expect(refused.errors![0].extensions?.code).toBe('FORBIDDEN');
  });
});
