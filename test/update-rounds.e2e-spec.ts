import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';

const ROUND = 'id title openedOn deadline open pastDeadline actionsUpdated actionsOutstanding outstanding { owner { name } actionRefs } yourOutstandingActions';
const OPEN = `mutation ($input: OpenUpdateRoundInput!) { openUpdateRound(input: $input) { ${ROUND} } }`;

/** Before a board meeting the programme office asks for updates; the board sees who is missing. */
describe('Update rounds, over HTTP', () => {
  let app: TestApp;
  const actions: Record<string, { id: string; revision: number }> = {};

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-10-26T09:00:00.000Z' });
    await app.gql(CREATE_PLAN, { input: planInput('rounds') });
    for (const [ref, owner] of [
      ['1.1', { name: 'Alex Morgan', role: 'Finance Lead – High Needs', organisation: 'Council' }],
      ['1.2', { name: 'Alex Morgan', role: 'Finance Lead – High Needs', organisation: 'Council' }],
      ['1.3', { name: 'Dr Aisha Rahman', role: 'Designated Clinical Officer', organisation: 'NHS Dorset ICB' }],
    ] as const) {
      actions[ref] = (await app.gql(ADD_ACTION, { input: actionInput('rounds', ref, { areaNumber: 1, owner }) })).data.addAction;
    }
    await app.addUser({ userId: 'aisha', owner: { name: 'Dr Aisha Rahman', organisation: 'NHS Dorset ICB' }, roles: ['ACTION_OWNER'], areas: ['test-area'] });
    await app.addUser({ userId: 'chair', roles: ['BOARD_CHAIR'], areas: ['test-area'] });
  });

  afterAll(() => app?.close());

  it('opens a round that lists every open action as outstanding, by owner', async () => {
    const result = await app.gql(OPEN, { input: { planId: 'rounds', title: 'Updates for the November board', deadline: '2026-11-09' } });
    expect(result.errors).toBeUndefined();
    expect(result.data.openUpdateRound).toMatchObject({
      openedOn: '2026-10-26',
      open: true,
      pastDeadline: false,
      actionsUpdated: 0,
      actionsOutstanding: 3,
      outstanding: [
        { owner: { name: 'Alex Morgan' }, actionRefs: ['1.1', '1.2'] },
        { owner: { name: 'Dr Aisha Rahman' }, actionRefs: ['1.3'] },
      ],
    });
  });

  it('shows each owner only their own outstanding actions, and moves them off the list once updated', async () => {
    const rounds = async (as: string) => (await app.as(as).gql(`{ updateRounds(planId: "rounds") { ${ROUND} } }`)).data.updateRounds[0];
    expect((await rounds('aisha')).yourOutstandingActions).toEqual(['1.3']);
    expect((await rounds('tester')).yourOutstandingActions).toEqual(['1.1', '1.2']);

    const updated = await app.as('aisha').gql(change('reportProgress', 'ReportProgressInput'), {
      input: { actionId: actions['1.3'].id, expectedRevision: actions['1.3'].revision, rag: 'GREEN', commentary: 'On track', asAt: '2026-10-26' },
    });
    expect(updated.errors).toBeUndefined();

    const asChair = await rounds('chair');
    expect(asChair).toMatchObject({ actionsUpdated: 1, actionsOutstanding: 2, outstanding: [{ owner: { name: 'Alex Morgan' }, actionRefs: ['1.1', '1.2'] }] });
    expect((await rounds('aisha')).yourOutstandingActions).toEqual([]);
  });

  it('keeps one round open at a time, and only the programme office may open or close one', async () => {
    const second = await app.gql(OPEN, { input: { planId: 'rounds', title: 'Another', deadline: '2026-11-20' } });
    expect(second.errors![0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', rule: 'oneOpenUpdateRound' });
    const before = await app.allEvents();
    const byChair = await app.as('chair').gql(OPEN, { input: { planId: 'rounds', title: 'Chair round', deadline: '2026-11-20' } });
    expect(byChair.errors![0].extensions?.code).toBe('FORBIDDEN');
    expect(await app.allEvents()).toEqual(before);
  });

  it('says when a round is past its deadline, and closes it', async () => {
    app.clock.set('2026-11-10T09:00:00.000Z');
    const [round] = (await app.gql(`{ updateRounds(planId: "rounds") { id pastDeadline } }`)).data.updateRounds;
    expect(round.pastDeadline).toBe(true);
    const closed = await app.gql(`mutation ($input: CloseUpdateRoundInput!) { closeUpdateRound(input: $input) { open pastDeadline } }`, {
      input: { planId: 'rounds', roundId: round.id },
    });
    expect(closed.data.closeUpdateRound).toEqual({ open: false, pastDeadline: false });
  });

  it('keeps a closed round as it stood when it closed: later updates do not rewrite who missed it', async () => {
    const before = (await app.gql(`{ updateRounds(planId: "rounds") { ${ROUND} } }`)).data.updateRounds[0];
    expect(before).toMatchObject({ open: false, actionsUpdated: 1, actionsOutstanding: 2 });
    app.clock.set('2026-11-12T09:00:00.000Z');
    const current = (await app.gql(`{ action(id: "${actions['1.1'].id}") { revision } }`)).data.action;
    const late = await app.gql(change('reportProgress', 'ReportProgressInput'), {
      input: { actionId: actions['1.1'].id, expectedRevision: current.revision, rag: 'AMBER', commentary: 'Late, after the round closed', asAt: '2026-11-12' },
    });
    expect(late.errors).toBeUndefined();
    const after = (await app.gql(`{ updateRounds(planId: "rounds") { ${ROUND} } }`)).data.updateRounds[0];
    expect(after).toEqual(before);
  });
});
