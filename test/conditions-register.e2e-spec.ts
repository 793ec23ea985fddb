import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';
import { withNoNewEvents } from './support/no-new-events';

const STATUS = 'quarter version status commentary replacesApproved recordedBy approved approvedBy';
const CONDITION = `id ref text sourceParagraph measureOfSuccess dueDate wordingVersion revision
  wordings { version text reason }
  quarters { quarter awaitingApproval latest { ${STATUS} } approved { ${STATUS} } versions { version status } }
  currentQuarter { quarter latest { status } }
  actions { ref title rag } metrics { name }`;
const op = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${CONDITION} } }`;
const ADD = op('addCondition', 'AddConditionInput');
const REVISE = op('reviseConditionWording', 'ReviseConditionWordingInput');
const RECORD = op('recordConditionStatus', 'RecordConditionStatusInput');
const APPROVE = op('approveConditionStatus', 'ApproveConditionStatusInput');
const LINK = op('linkToCondition', 'ConditionLinkInput');
const UNLINK = op('unlinkFromCondition', 'ConditionLinkInput');
const PLAN = 'conditions-register';

const C2 = {
  planId: PLAN,
  ref: 'C2',
  text: 'Bring the in-year High Needs Block deficit down to the trajectory in the agreement',
  sourceParagraph: 'Paragraph 8',
  measureOfSuccess: 'Each quarterly forecast outturn at or below the trajectory',
  dueDate: '2026-03-31',
};

describe('The conditions register, over HTTP', () => {
  let app: TestApp;
  let actionIds: string[];
  let conditionId: string;
  const at = (instant: string) => app.clock.set(instant);
  const unchanged = <T>(send: () => Promise<T>) => withNoNewEvents(app, send);
  const revision = async () => (await app.gql(`{ condition(planId: "${PLAN}", ref: "C2") { revision } }`)).data.condition.revision as number;

  beforeAll(async () => {
    app = await startTestApp({ now: '2025-11-03T10:00:00.000Z' });
    await app.gql(CREATE_PLAN, { input: planInput(PLAN) });
    actionIds = [];
    for (const ref of ['1.1', '1.2']) actionIds.push((await app.gql(ADD_ACTION, { input: actionInput(PLAN, ref, { areaNumber: 1 }) })).data.addAction.id);
    await app.addUser({ userId: 'chair-here', roles: ['BOARD_CHAIR'], areas: ['test-area'] });
    await app.addUser({ userId: 'office', roles: ['PLAN_ADMINISTRATOR'], areas: ['test-area'] });
    await app.addUser({ userId: 'member', roles: ['BOARD_MEMBER'], areas: ['test-area'] });
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: ['test-area'] });
    await app.addUser({ userId: 'elsewhere', roles: ['PLAN_ADMINISTRATOR', 'BOARD_CHAIR'], areas: ['other-area'] });
  });

  afterAll(() => app?.close());

  it('adds a condition with its paragraph, measure, due date and linked action (ref, title, RAG)', async () => {
    const added = await app.gql(ADD, { input: { ...C2, actionIds: [actionIds[0]] } });
    expect(added.errors).toBeUndefined();
    conditionId = added.data.addCondition.id;
    expect(added.data.addCondition).toMatchObject({
      ref: 'C2',
      sourceParagraph: 'Paragraph 8',
      dueDate: '2026-03-31',
      wordingVersion: 1,
      revision: 0,
      wordings: [{ version: 1, reason: null }],
      quarters: [],
      currentQuarter: null,
      actions: [{ ref: '1.1', rag: expect.any(String), title: expect.any(String) }],
    });
  });

  it('records a quarter’s status (programme office only), and the board chair approves the version read', async () => {
    const refusedByChair = await unchanged(() =>
      app.as('chair-here').gql(RECORD, { input: { conditionId, expectedRevision: 0, quarter: '2025/26 Q2', status: 'ON_TRACK', commentary: 'Fine' } }),
    );
    expect(refusedByChair.errors![0].extensions!.code).toBe('FORBIDDEN');

    const recorded = await app.as('office').gql(RECORD, {
      input: { conditionId, expectedRevision: 0, quarter: '2025/26 Q2', status: 'NOT_ON_TRACK', commentary: 'Q2 forecast gap of £71m against a budgeted £57.5m' },
    });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data.recordConditionStatus.quarters).toEqual([
      expect.objectContaining({ quarter: '2025/26 Q2', awaitingApproval: true, approved: null, latest: expect.objectContaining({ version: 1, status: 'NOT_ON_TRACK', approved: false, replacesApproved: false }) }),
    ]);

    for (const userId of ['member', 'adviser', 'office']) {
      const refused = await unchanged(() => app.as(userId).gql(APPROVE, { input: { conditionId, expectedRevision: 1, quarter: '2025/26 Q2', version: 1 } }));
      expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    at('2025-11-10T10:00:00.000Z');
    const approved = await app.as('chair-here').gql(APPROVE, { input: { conditionId, expectedRevision: 1, quarter: '2025/26 Q2', version: 1 } });
    expect(approved.errors).toBeUndefined();
    expect(approved.data.approveConditionStatus.quarters[0]).toMatchObject({ awaitingApproval: false, approved: { version: 1, approved: true, status: 'NOT_ON_TRACK' } });
  });

  it('never changes an approved status silently: a later one is a new version awaiting approval, the approved one kept', async () => {
    at('2025-11-20T10:00:00.000Z');
    const changed = await app.gql(RECORD, { input: { conditionId, expectedRevision: 2, quarter: '2025/26 Q2', status: 'ON_TRACK', commentary: 'Placement panel savings now in the forecast' } });
    expect(changed.errors).toBeUndefined();
    expect(changed.data.recordConditionStatus.quarters[0]).toMatchObject({
      awaitingApproval: true,
      latest: { version: 2, status: 'ON_TRACK', replacesApproved: true, approved: false },
      approved: { version: 1, status: 'NOT_ON_TRACK' },
      versions: [{ version: 1 }, { version: 2 }],
    });

    const stale = await unchanged(() => app.as('chair-here').gql(APPROVE, { input: { conditionId, expectedRevision: 3, quarter: '2025/26 Q2', version: 1 } }));
    expect(stale.errors![0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', rule: 'approveLatestStatus' });
    expect(JSON.stringify(stale.errors![0].extensions)).toContain('"field":"version"');
  });

  it.each([
    ['quarter', { quarter: '2025/27 Q2' }],
    ['quarter', { quarter: '2026/27 Q1' }],
    ['commentary', { commentary: ' \u200b ' }],
  ])('refuses a status naming the field %s, changing nothing', async (field, change) => {
    const current = await revision();
    const input = { conditionId, expectedRevision: current, quarter: '2025/26 Q3', status: 'ON_TRACK', commentary: 'On trajectory', ...change };
    const refused = await unchanged(() => app.gql(RECORD, { input }));
    expect(refused.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(refused.errors![0].extensions)).toContain(`"field":"${field}"`);
  });

  it('refuses a status the DfE return does not use, naming it', async () => {
    const current = await revision();
    const refused = await unchanged(() => app.gql(RECORD, { input: { conditionId, expectedRevision: current, quarter: '2025/26 Q3', status: 'AMBER', commentary: 'x' } }));
    expect(refused.errors![0]).toMatchObject({ message: expect.stringContaining('input.status'), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('refuses a second C2 and a stale revision, changing nothing', async () => {
    expect((await unchanged(() => app.gql(ADD, { input: C2 }))).errors![0].extensions!.code).toBe('CONFLICT');
    const stale = await unchanged(() => app.gql(RECORD, { input: { conditionId, expectedRevision: 0, quarter: '2025/26 Q3', status: 'ON_TRACK', commentary: 'x' } }));
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
  });

  it('keeps every wording, and links and unlinks actions', async () => {
    const revised = await app.gql(REVISE, {
      input: { conditionId, expectedRevision: await revision(), ...C2, planId: undefined, ref: undefined, dueDate: '2026-06-30', reason: 'Varied by the DfE in November' },
    });
    expect(revised.errors).toBeUndefined();
    expect(revised.data.reviseConditionWording).toMatchObject({ wordingVersion: 2, dueDate: '2026-06-30', wordings: [{ version: 1 }, { version: 2, reason: 'Varied by the DfE in November' }] });

    const linked = await app.gql(LINK, { input: { conditionId, expectedRevision: await revision(), actionId: actionIds[1] } });
    expect(linked.data.linkToCondition.actions.map((a: { ref: string }) => a.ref)).toEqual(['1.1', '1.2']);
    const unlinked = await app.gql(UNLINK, { input: { conditionId, expectedRevision: await revision(), actionId: actionIds[0] } });
    expect(unlinked.data.unlinkFromCondition.actions.map((a: { ref: string }) => a.ref)).toEqual(['1.2']);
    const current = await revision();
    const both = await unchanged(() => app.gql(LINK, { input: { conditionId, expectedRevision: current, actionId: actionIds[0], metricId: actionIds[1] } }));
    expect(JSON.stringify(both.errors![0].extensions)).toContain('"field":"link"');
  });

  it('shows the register as it stood at an earlier instant, from the same fold', async () => {
    const READ = `query ($recordedBy: String) { conditions(planId: "${PLAN}", recordedBy: $recordedBy) { ref dueDate quarters { awaitingApproval latest { version status } approved { version } } actions { ref } } }`;
    const then = await app.as('adviser').gql(READ, { recordedBy: '2025-11-15T00:00:00.000Z' });
    expect(then.errors).toBeUndefined();
    expect(then.data.conditions).toEqual([{ ref: 'C2', dueDate: '2026-03-31', quarters: [{ awaitingApproval: false, latest: { version: 1, status: 'NOT_ON_TRACK' }, approved: { version: 1 } }], actions: [{ ref: '1.1' }] }]);
    const now = await app.as('adviser').gql(READ, {});
    expect(now.data.conditions[0]).toMatchObject({ dueDate: '2026-06-30', quarters: [{ awaitingApproval: true, latest: { version: 2 } }], actions: [{ ref: '1.2' }] });
  });

  it('is read by the board and the DfE adviser, and does not exist for another area', async () => {
    for (const userId of ['member', 'adviser']) expect((await app.as(userId).gql(`{ conditions(planId: "${PLAN}") { ref } }`)).data.conditions).toEqual([{ ref: 'C2' }]);
    expect((await app.as('elsewhere').gql(`{ conditions(planId: "${PLAN}") { ref } }`)).errors![0].extensions!.code).toBe('NOT_FOUND');
    const hidden = await unchanged(() => app.as('elsewhere').gql(RECORD, { input: { conditionId, expectedRevision: 0, quarter: '2025/26 Q3', status: 'MET', commentary: 'x' } }));
    expect(hidden.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});
