import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';
import { withNoNewEvents } from './support/no-new-events';

const LINK = 'id ref status rag dueDate originalDueDate slipReasons';
const NETWORK = `planId revision actionsAtRisk
  dependencies { action { ref } dependsOn { ref } note declaredAt }
  slipping { action { ${LINK} } reasons atRisk { action { ref } chain } }`;
const DECLARE = `mutation ($input: DeclareDependencyInput!) { declareDependency(input: $input) { ${NETWORK} } }`;
const REMOVE = `mutation ($input: RemoveDependencyInput!) { removeDependency(input: $input) { ${NETWORK} } }`;
const ACTION = (ref: string, args = '') => `{ action(planId: "${PLAN}", ref: "${ref}"${args}) {
  ref dependsOn { dependsOn { ref title } note } dependents { action { ref } } atRiskFrom { from { ${LINK} } reasons chain } } }`;
const REPORT = change('reportProgress', 'ReportProgressInput');
const RESCHEDULE = change('rescheduleAction', 'RescheduleActionInput');
const PLAN = 'dependencies';
const OTHER_PLAN = 'dependencies-elsewhere';

describe('Dependencies between actions, over HTTP', () => {
  let app: TestApp;
  const id: Record<string, string> = {};
  const declare = (ref: string, dependsOnRef: string, extra: Record<string, unknown> = {}) => ({
    input: { planId: PLAN, actionId: id[ref], dependsOnActionId: id[dependsOnRef], note: `${ref} needs ${dependsOnRef} first`, ...extra },
  });
  const unchanged = <T>(send: () => Promise<T>) => withNoNewEvents(app, send);

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-06-15T10:00:00.000Z', areas: ['test-area', 'other-area'] });
    await app.gql(CREATE_PLAN, { input: planInput(PLAN) });
    await app.gql(CREATE_PLAN, { input: planInput(OTHER_PLAN, 'other-area') });
    for (const [ref, owner] of [['5.1', 'Priya Shah'], ['5.3', 'Alex Morgan'], ['5.4', 'Alex Morgan'], ['6.3', 'Alex Morgan']] as const) {
      const added = await app.gql(ADD_ACTION, { input: actionInput(PLAN, ref, { dueDate: '2026-12-31', owner: { name: owner, role: 'Head of SEND', organisation: 'Council' } }) });
      id[ref] = added.data.addAction.id;
    }
    id.elsewhere = (await app.gql(ADD_ACTION, { input: actionInput(OTHER_PLAN, '5.1') })).data.addAction.id;
    await app.addUser({ userId: 'owner-5-3', owner: { name: 'Alex Morgan', organisation: 'Council' }, roles: ['ACTION_OWNER'], areas: ['test-area'] });
    await app.addUser({ userId: 'owner-5-1', owner: { name: 'Priya Shah', organisation: 'Council' }, roles: ['ACTION_OWNER'], areas: ['test-area'] });
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: ['test-area'] });
    await app.addUser({ userId: 'elsewhere', roles: ['PLAN_ADMINISTRATOR'], areas: ['other-area'] });
  });

  afterAll(() => app?.close());

  it('declares a chain 5.4 → 5.3 → 5.1, each with its note, and shows it from both ends', async () => {
    const first = await app.gql(DECLARE, declare('5.3', '5.1'));
    expect(first.errors).toBeUndefined();
    expect(first.data.declareDependency).toMatchObject({ planId: PLAN, revision: 0, actionsAtRisk: 0, slipping: [], dependencies: [{ action: { ref: '5.3' }, dependsOn: { ref: '5.1' }, note: '5.3 needs 5.1 first', declaredAt: '2026-06-15T10:00:00.000Z' }] });
    const second = await app.gql(DECLARE, declare('5.4', '5.3', { expectedRevision: 0 }));
    expect(second.errors).toBeUndefined();
    expect(second.data.declareDependency.revision).toBe(1);

    // The action that waits keeps it in its own history.
    const timeline = (await app.gql(`{ action(planId: "${PLAN}", ref: "5.4") { timeline { eventType summary changes { field from to } actor { role } } } }`)).data.action.timeline;
    expect(timeline[timeline.length - 1]).toEqual({ eventType: 'DependencyDeclared', summary: 'Now waits for 5.3: 5.4 needs 5.3 first', changes: [{ field: 'dependsOn', from: null, to: '5.3' }], actor: { role: 'PLAN_ADMINISTRATOR' } });

    const middle = (await app.gql(ACTION('5.3'))).data.action;
    expect(middle).toEqual({ ref: '5.3', dependsOn: [{ dependsOn: { ref: '5.1', title: expect.any(String) }, note: '5.3 needs 5.1 first' }], dependents: [{ action: { ref: '5.4' } }], atRiskFrom: [] });
  });

  it('refuses a cycle, naming it, and changes nothing', async () => {
    const refused = await unchanged(() => app.gql(DECLARE, declare('5.1', '5.4')));
    expect(refused.errors![0].message).toContain('(5.1 → 5.4 → 5.3 → 5.1)');
    expect(refused.errors![0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', rule: 'noCycle' });
  });

  it.each([
    ['an action depending on itself', () => declare('5.1', '5.1'), 'dependsOnActionId'],
    ['an action of another plan', () => ({ input: { ...declare('5.3', '5.1').input, dependsOnActionId: id.elsewhere } }), 'dependsOnActionId'],
    ['a blank note', () => declare('6.3', '5.1', { note: ' \u200b ' }), 'note'],
    ['an id that is not a UUID', () => declare('6.3', '5.1', { actionId: '5.3' }), 'actionId'],
  ])('refuses %s, naming the field, and changes nothing', async (_, input, field) => {
    const refused = await unchanged(() => app.gql(DECLARE, input()));
    expect(refused.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(refused.errors![0].extensions)).toContain(`"field":"${field}"`);
  });

  it('refuses the same dependency twice, and a stale revision, with CONFLICT', async () => {
    const twice = await unchanged(() => app.gql(DECLARE, declare('5.3', '5.1')));
    expect(twice.errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
    const stale = await unchanged(() => app.gql(DECLARE, declare('6.3', '5.1', { expectedRevision: 0 })));
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentRevision: 1 });
  });

  it('flags the actions downstream as at risk when 5.1 falls to Red, and names the chain', async () => {
    app.clock.set('2026-06-15T11:00:00.000Z');
    const before = (await app.gql(`{ action(planId: "${PLAN}", ref: "5.1") { revision } }`)).data.action;
    const red = await app.as('owner-5-1').gql(REPORT, { input: { actionId: id['5.1'], expectedRevision: before.revision, rag: 'RED', commentary: 'Capital bid refused', asAt: '2026-06-15' } });
    expect(red.errors).toBeUndefined();

    const downstream = (await app.gql(ACTION('5.4'))).data.action;
    expect(downstream.atRiskFrom).toEqual([{ from: expect.objectContaining({ ref: '5.1', rag: 'RED', slipReasons: ['RED'] }), reasons: ['RED'], chain: ['5.4', '5.3', '5.1'] }]);
    const network = (await app.gql(`{ plan(id: "${PLAN}") { dependencies { ${NETWORK} } } }`)).data.plan.dependencies;
    expect(network.actionsAtRisk).toBe(2);
    // Beside each roll-up: how many of its open actions may slip next.
    const groups = (await app.gql(`{ plan(id: "${PLAN}") { areas { number atRiskFromDependencies } priorities { number atRiskFromDependencies } } }`)).data.plan;
    expect(groups.areas.filter((a: { atRiskFromDependencies: number }) => a.atRiskFromDependencies > 0)).toEqual([{ number: 5, atRiskFromDependencies: 2 }]);
    expect(groups.priorities.filter((p: { atRiskFromDependencies: number }) => p.atRiskFromDependencies > 0)).toEqual([{ number: 7, atRiskFromDependencies: 2 }]);
    expect(network.slipping).toEqual([
      { action: expect.objectContaining({ ref: '5.1' }), reasons: ['RED'], atRisk: [{ action: { ref: '5.3' }, chain: ['5.3', '5.1'] }, { action: { ref: '5.4' }, chain: ['5.4', '5.3', '5.1'] }] },
    ]);
  });

  it('counts a later due date and a passed one as slips, on the day shown', async () => {
    const { revision } = (await app.gql(`{ action(planId: "${PLAN}", ref: "5.3") { revision } }`)).data.action;
    const moved = await app.gql(RESCHEDULE, { input: { actionId: id['5.3'], expectedRevision: revision, dueDate: '2027-03-31', reason: 'Waiting on the capital bid' } });
    expect(moved.errors).toBeUndefined();
    const downstream = (await app.gql(ACTION('5.4'))).data.action;
    expect(downstream.atRiskFrom.map((r: { from: { ref: string }; reasons: string[] }) => [r.from.ref, r.reasons])).toEqual([['5.3', ['DUE_DATE_MOVED']], ['5.1', ['RED']]]);
    expect(downstream.atRiskFrom[0].from).toMatchObject({ dueDate: '2027-03-31', originalDueDate: '2026-12-31' });

    app.clock.set('2027-01-02T10:00:00.000Z');
    try {
      const later = (await app.gql(ACTION('5.4'))).data.action;
      expect(later.atRiskFrom.map((r: { reasons: string[] }) => r.reasons)).toEqual([['DUE_DATE_MOVED'], ['RED', 'OVERDUE']]);
    } finally {
      app.clock.set('2026-06-15T11:00:00.000Z');
    }
  });

  it('shows the network as it stood at an earlier instant: declared, before 5.1 fell to Red', async () => {
    const then = await app.gql(ACTION('5.4', ', asAt: "2026-06-15T10:30:00.000Z"'));
    expect(then.errors).toBeUndefined();
    expect(then.data.action).toEqual({ ref: '5.4', dependsOn: [{ dependsOn: { ref: '5.3', title: expect.any(String) }, note: '5.4 needs 5.3 first' }], dependents: [], atRiskFrom: [] });
    const earlier = await app.gql(`{ plan(id: "${PLAN}", asAt: "2026-06-15T10:30:00.000Z") { dependencies { revision dependencies { action { ref } } actionsAtRisk } } }`);
    expect(earlier.errors).toBeUndefined();
    expect(earlier.data.plan.dependencies).toEqual({ revision: 1, dependencies: [{ action: { ref: '5.3' } }, { action: { ref: '5.4' } }], actionsAtRisk: 0 });
    const now = (await app.gql(`{ plan(id: "${PLAN}", asAt: "2026-06-15T11:00:00.000Z") { dependencies { actionsAtRisk } } }`)).data.plan.dependencies;
    expect(now.actionsAtRisk).toBe(2);
  });

  it('lets the owner of the action that waits declare and remove its dependencies, and no one else’s', async () => {
    const network = (await app.gql(`{ plan(id: "${PLAN}") { dependencies { revision } } }`)).data.plan.dependencies;
    const own = await app.as('owner-5-3').gql(DECLARE, declare('6.3', '5.3', { expectedRevision: network.revision }));
    expect(own.errors).toBeUndefined();
    const notTheirs = await unchanged(() => app.as('owner-5-1').gql(DECLARE, declare('6.3', '5.1')));
    expect(notTheirs.errors![0].extensions!.code).toBe('FORBIDDEN');
    const removed = await app.as('owner-5-3').gql(REMOVE, { input: { planId: PLAN, actionId: id['6.3'], dependsOnActionId: id['5.3'], reason: 'Commissioning can start on the old data' } });
    expect(removed.errors).toBeUndefined();
    expect(removed.data.removeDependency.dependencies.map((d: { action: { ref: string } }) => d.action.ref)).toEqual(['5.3', '5.4']);
  });

  it('lets the DfE adviser read the network and change none of it; another area sees no plan', async () => {
    const read = await app.as('adviser').gql(ACTION('5.4'));
    expect(read.data.action.atRiskFrom).toHaveLength(2);
    const refused = await unchanged(() => app.as('adviser').gql(DECLARE, declare('6.3', '5.1')));
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    const hidden = await unchanged(() => app.as('elsewhere').gql(DECLARE, declare('6.3', '5.1')));
    expect(hidden.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('refuses removing a dependency that is not declared, with NOT_FOUND', async () => {
    const refused = await unchanged(() => app.gql(REMOVE, { input: { planId: PLAN, actionId: id['5.1'], dependsOnActionId: id['5.3'], reason: 'Never was' } }));
    expect(refused.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', rule: 'dependencyExists' });
  });

  it('keeps the history check green: the lines dependencies add to a timeline are checked against the network’s events', async () => {
    const verified = await app.gql(`{ verifyHistory(planId: "${PLAN}") { ok readModel { rowsChecked firstMismatch { position } } } }`);
    expect(verified.errors).toBeUndefined();
    expect(verified.data.verifyHistory).toMatchObject({ ok: true, readModel: { firstMismatch: null } });
  });
});
