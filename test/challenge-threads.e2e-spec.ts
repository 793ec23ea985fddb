import { riskInput } from './support/mutation-catalogue';
import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';
import { withNoNewEvents } from './support/no-new-events';

const THREAD = 'id subjectKind subjectId subjectRef status raisedBy revision messages { kind text byName byRole }';
const op = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${THREAD} } }`;
const RAISE = op('raiseChallenge', 'RaiseChallengeInput');
const ANSWER = op('answerChallenge', 'AnswerChallengeInput');
const FOLLOW_UP = op('followUpChallenge', 'FollowUpChallengeInput');
const RESOLVE = op('resolveChallenge', 'ResolveChallengeInput');
const PLAN = 'challenges';

describe('Challenge and response threads, over HTTP', () => {
  let app: TestApp;
  let actionId: string;
  let riskId: string;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-06-15T10:00:00.000Z' });
    await app.gql(CREATE_PLAN, { input: planInput(PLAN) });
    actionId = (await app.gql(ADD_ACTION, { input: actionInput(PLAN, '8.2') })).data.addAction.id;
    riskId = (await app.gql(`mutation ($input: RaiseRiskInput!) { raiseRisk(input: $input) { id } }`, { input: riskInput(PLAN, [actionId]) })).data.raiseRisk.id;
    await app.addUser({ userId: 'alex', displayName: 'Alex Morgan', owner: { name: 'Alex Morgan', organisation: 'Council' }, roles: ['ACTION_OWNER'], areas: ['test-area'] });
    await app.addUser({ userId: 'member', displayName: 'Cllr Priya Shah', roles: ['BOARD_MEMBER'], areas: ['test-area'] });
    await app.addUser({ userId: 'adviser', displayName: 'DfE SEND adviser', roles: ['DFE_ADVISER'], areas: ['test-area'] });
    await app.addUser({ userId: 'other-owner', owner: { name: 'Sam Patel', organisation: 'NHS Trust' }, roles: ['ACTION_OWNER'], areas: ['test-area'] });
    await app.addUser({ userId: 'elsewhere', roles: ['BOARD_CHAIR', 'DFE_ADVISER'], areas: ['other-area'] });
  });

  afterAll(() => app?.close());

  const unchanged = <T>(send: () => Promise<T>) => withNoNewEvents(app, send);

  it('runs from the DfE adviser’s question to the board’s resolution, each turn by whose it is, and changes nothing in the plan', async () => {
    const actionBefore = (await app.gql(`{ action(id: "${actionId}") { revision rag } }`)).data.action;
    const asked = await app.as('adviser').gql(RAISE, { input: { planId: PLAN, subjectKind: 'ACTION', subjectId: actionId, question: 'Why is 8.2 on track when the deficit grew by £14m?' } });
    expect(asked.errors).toBeUndefined();
    expect(asked.data.raiseChallenge).toMatchObject({ subjectKind: 'ACTION', subjectRef: '8.2', status: 'AWAITING_ANSWER', raisedBy: 'DfE SEND adviser' });
    const challengeId = asked.data.raiseChallenge.id;

    const answered = await app.as('alex').gql(ANSWER, { input: { challengeId, answer: 'The £14m was 2024/25; this year is within £0.5m of the trajectory.' } });
    expect(answered.data.answerChallenge.status).toBe('ANSWERED');
    const followed = await app.as('member').gql(FOLLOW_UP, { input: { challengeId, question: 'Bring the Q2 forecast to the next board.' } });
    expect(followed.data.followUpChallenge.status).toBe('AWAITING_ANSWER');
    await app.as('alex').gql(ANSWER, { input: { challengeId, answer: 'It is paper 5 for December.' } });
    const resolved = await app.as('member').gql(RESOLVE, { input: { challengeId, note: 'Satisfied.' } });

    expect(resolved.data.resolveChallenge).toMatchObject({ status: 'RESOLVED', revision: 4 });
    expect(resolved.data.resolveChallenge.messages).toEqual([
      { kind: 'QUESTION', text: 'Why is 8.2 on track when the deficit grew by £14m?', byName: 'DfE SEND adviser', byRole: 'DFE_ADVISER' },
      { kind: 'ANSWER', text: 'The £14m was 2024/25; this year is within £0.5m of the trajectory.', byName: 'Alex Morgan', byRole: 'ACTION_OWNER' },
      { kind: 'QUESTION', text: 'Bring the Q2 forecast to the next board.', byName: 'Cllr Priya Shah', byRole: 'BOARD_MEMBER' },
      { kind: 'ANSWER', text: 'It is paper 5 for December.', byName: 'Alex Morgan', byRole: 'ACTION_OWNER' },
      { kind: 'RESOLUTION', text: 'Satisfied.', byName: 'Cllr Priya Shah', byRole: 'BOARD_MEMBER' },
    ]);
    expect((await app.gql(`{ action(id: "${actionId}") { revision rag } }`)).data.action).toEqual(actionBefore);
  });

  it('shows open threads before a meeting, and one subject’s on request', async () => {
    await app.as('member').gql(RAISE, { input: { planId: PLAN, subjectKind: 'RISK', subjectId: riskId, question: 'Who chairs the capital programme board?' } });
    const open = (await app.as('adviser').gql(`{ challenges(planId: "${PLAN}") { subjectRef status } }`)).data.challenges;
    expect(open).toEqual([{ subjectRef: 'R1', status: 'AWAITING_ANSWER' }]);
    const all = (await app.gql(`{ challenges(planId: "${PLAN}", statuses: [AWAITING_ANSWER, ANSWERED, RESOLVED], subjectId: "${actionId}") { subjectRef status } }`)).data.challenges;
    expect(all).toEqual([{ subjectRef: '8.2', status: 'RESOLVED' }]);
  });

  it('lets the risk’s owner answer a question about the risk, and no other owner', async () => {
    const [thread] = (await app.gql(`{ challenges(planId: "${PLAN}") { id } }`)).data.challenges;
    const refused = await unchanged(() => app.as('other-owner').gql(ANSWER, { input: { challengeId: thread.id, answer: 'Not mine' } }));
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    const answered = await app.as('alex').gql(ANSWER, { input: { challengeId: thread.id, answer: 'The Director of Education.' } });
    expect(answered.data.answerChallenge.status).toBe('ANSWERED');
  });

  it('refuses a turn out of order, a blank question and a subject from nowhere, changing nothing', async () => {
    const [thread] = (await app.gql(`{ challenges(planId: "${PLAN}") { id } }`)).data.challenges;
    const twice = await unchanged(() => app.as('alex').gql(ANSWER, { input: { challengeId: thread.id, answer: 'Again' } }));
    expect(twice.errors![0]).toMatchObject({ message: 'The challenge has been answered, so it cannot be answered now', extensions: { code: 'FAILED_PRECONDITION', rule: 'challengeTurn' } });
    const blank = await unchanged(() => app.as('member').gql(FOLLOW_UP, { input: { challengeId: thread.id, question: ' \u200b ' } }));
    expect(blank.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'question' });
    const nowhere = await unchanged(() => app.as('member').gql(RAISE, { input: { planId: PLAN, subjectKind: 'ACTION', subjectId: '00000000-0000-4000-8000-000000000000', question: 'What is this?' } }));
    expect(nowhere.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subject.id' });
  });

  it('hides every thread from people of another area', async () => {
    const [thread] = (await app.gql(`{ challenges(planId: "${PLAN}") { id } }`)).data.challenges;
    expect((await app.as('elsewhere').gql(`{ challenges(planId: "${PLAN}") { id } }`)).errors![0].extensions!.code).toBe('NOT_FOUND');
    const refused = await unchanged(() => app.as('elsewhere').gql(RESOLVE, { input: { challengeId: thread.id } }));
    expect(refused.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('reads the threads as they stood at an instant or a meeting’s close, turns included, folded from their events', async () => {
    const plan = 'challenges-as-at';
    const at = (instant: string) => app.clock.set(instant);
    let threadId = '';
    let subjectId = '';
    try {
      at('2026-05-01T09:00:00.000Z');
      await app.gql(CREATE_PLAN, { input: planInput(plan) });
      subjectId = (await app.gql(ADD_ACTION, { input: actionInput(plan, '8.2') })).data.addAction.id;
      at('2026-05-10T09:00:00.000Z');
      threadId = (await app.as('adviser').gql(RAISE, { input: { planId: plan, subjectKind: 'ACTION', subjectId, question: 'Is the trajectory still credible?' } })).data.raiseChallenge.id;
      at('2026-05-20T09:00:00.000Z');
      await app.as('alex').gql(ANSWER, { input: { challengeId: threadId, answer: 'Yes: the Q1 forecast is within £1m of it.' } });
      at('2026-06-01T09:00:00.000Z');
      await app.as('member').gql(RESOLVE, { input: { challengeId: threadId, note: 'Accepted.' } });
    } finally {
      at('2026-06-15T10:00:00.000Z');
    }
    const READ = `query ($when: String) { challenges(planId: "${plan}", recordedBy: $when, statuses: [AWAITING_ANSWER, ANSWERED, RESOLVED]) { id status revision messages { kind } } }`;
    expect((await app.gql(READ, { when: '2026-05-05' })).data.challenges).toEqual([]);
    expect((await app.gql(READ, { when: '2026-05-15' })).data.challenges).toEqual([{ id: threadId, status: 'AWAITING_ANSWER', revision: 0, messages: [{ kind: 'QUESTION' }] }]);
    expect((await app.gql(READ, { when: '2026-05-25' })).data.challenges).toEqual([{ id: threadId, status: 'ANSWERED', revision: 1, messages: [{ kind: 'QUESTION' }, { kind: 'ANSWER' }] }]);
    expect((await app.gql(READ, {})).data.challenges[0]).toMatchObject({ status: 'RESOLVED', revision: 2 });
    // Open ones only, by default: on 25 May it was open, today it is not.
    const open = `query ($when: String) { challenges(planId: "${plan}", recordedBy: $when) { id } }`;
    expect((await app.gql(open, { when: '2026-05-25' })).data.challenges).toEqual([{ id: threadId }]);
    expect((await app.gql(open, {})).data.challenges).toEqual([]);
    const about = (id: string) => app.gql(`{ challenges(planId: "${plan}", recordedBy: "2026-05-25", subjectId: "${id}") { id } }`);
    expect((await about(subjectId)).data.challenges).toEqual([{ id: threadId }]);
    expect((await about(riskId)).data.challenges).toEqual([]);

    const tooEarly = await app.gql(READ, { when: '2026-04-30' });
    expect(tooEarly.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', rule: 'existedAsAt' });
    const knownAtAlone = await app.gql(`{ challenges(planId: "${plan}", knownAt: "now") { id } }`);
    expect(knownAtAlone.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'needsAsAt' });
    expect((await app.as('elsewhere').gql(READ, { when: '2026-05-25' })).errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});
