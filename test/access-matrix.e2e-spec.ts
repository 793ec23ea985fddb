import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Role } from '@send/domain';
import { ownerIdFor } from '@send/event-store';
import { conditionInput, MutationName, MUTATIONS, PREPARE, riskInput } from './support/mutation-catalogue';
import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { DEFAULT_TEST_NOW as NOW, startTestApp, TEST_AREA, TestApp, TestUser } from './support/test-app';

type Outcome = 'allowed' | 'FORBIDDEN' | 'NOT_FOUND';
const A: Outcome = 'allowed';
const F: Outcome = 'FORBIDDEN';
const N: Outcome = 'NOT_FOUND';

const ALEX = { name: 'Alex Morgan', organisation: 'Council' };
const ALEX_OWNER_ID = ownerIdFor(ALEX.name, ALEX.organisation);
const OTHER_AREA = 'other-area';

/**
 * Every caller but the last two holds one role in the test area, so an allowed change must be
 * recorded under that role. Every action the matrix changes is owned by Alex Morgan of the Council
 * (the default owner in actionInput). "nobody" and "elsewhere" are Alex Morgan too: owning an
 * action gives nothing without a role in its area.
 */
const CALLERS: (TestUser & { allowedAs?: Role })[] = [
  { userId: 'admin', roles: ['PLAN_ADMINISTRATOR'], areas: [TEST_AREA], allowedAs: 'PLAN_ADMINISTRATOR' },
  { userId: 'chair', roles: ['BOARD_CHAIR'], areas: [TEST_AREA], allowedAs: 'BOARD_CHAIR' },
  { userId: 'member', roles: ['BOARD_MEMBER'], areas: [TEST_AREA], allowedAs: 'BOARD_MEMBER' },
  { userId: 'owner', owner: ALEX, roles: ['ACTION_OWNER'], areas: [TEST_AREA], allowedAs: 'ACTION_OWNER' },
  { userId: 'other-owner', owner: { name: 'Sam Patel', organisation: 'NHS Trust' }, roles: ['ACTION_OWNER'], areas: [TEST_AREA] },
  { userId: 'adviser', roles: ['DFE_ADVISER'], areas: [TEST_AREA], allowedAs: 'DFE_ADVISER' },
  { userId: 'nobody', owner: ALEX, roles: [], areas: [TEST_AREA] },
  {
    userId: 'elsewhere',
    owner: ALEX,
    roles: ['PLAN_ADMINISTRATOR', 'BOARD_CHAIR', 'BOARD_MEMBER', 'ACTION_OWNER', 'DFE_ADVISER'],
    areas: [OTHER_AREA],
    // Only registering a person is open to them, as an administrator of another area.
    allowedAs: 'PLAN_ADMINISTRATOR',
  },
];

/**
 * Written out from the brief, not computed from ACCESS_RULES, so wrong rules fail here:
 * - plan administrator: creates plans, changes the stale threshold, adds, reassigns, withdraws,
 *   supersedes and reschedules actions, adds and completes milestones;
 * - board chair and members: review evidence, mark complete, reopen, reschedule;
 * - action owner, on actions they own only: reports progress, adds and completes milestones,
 *   attaches evidence;
 * - action owner, on actions they own, or the programme office: corrects a progress update;
 * - action owner (or the programme office) delegates the action to a colleague and withdraws it;
 * - action owner, on actions they own, and the board chair and members: rate delivery confidence;
 * - plan administrator manages people: registers anyone (a person belongs to no area until
 *   granted a role, so an administrator of any area may), grants and revokes roles in their area,
 *   and sets the email address of people who work only in areas they administer (others answer
 *   NOT_FOUND; the two-area cases are below);
 * - plan administrator (only they): open and close update rounds;
 * - board chair and members (only they): schedule meetings, minute attendance and decisions, close;
 * - plan administrator (only they): keep the scorecard (metrics, targets, figures, corrections,
 *   comparators, CSV imports);
 * - risks: the programme office and the board raise them and record one as an issue; the risk's
 *   owner (or the programme office) re-scores it, sets its review date and works its mitigations;
 *   only the board closes one; the board or the programme office moves its target and reassigns
 *   its owner; the programme office keeps its links into the plan;
 * - dependencies: the programme office, or the owner of the action that waits, declares and
 *   removes them;
 * - challenge threads: the board and the DfE adviser ask and follow up, the owner of the action
 *   (or the programme office) answers, the board resolves;
 * - plan and risk decisions, follow-ups: the board records them; the person a follow-up names
 *   (a user of the area) updates and completes it; only the board drops one;
 * - conditions register: the programme office adds conditions, rewords them, links them and
 *   records each quarter's status; only the board chair approves a status;
 * - reminders: only the programme office sends a sent or given-up reminder again;
 * - quarterly return: the programme office writes the executive summary and submits the return;
 *   only the board chair signs it off;
 * - a break in the history: only the programme office acknowledges it;
 * - DfE adviser: reads only, every change refused but asking the board's questions;
 * - no role in the area: the plan and its actions do not exist for them. Creating a plan reveals
 *   nothing, so it is a plain refusal.
 */
const EXPECTED: Record<MutationName, Outcome[]> = {
  //                     admin chair member owner other adviser nobody elsewhere
  createPlan:           [A,    F,    F,     F,    F,    F,      F,     F],
  changeStaleThreshold: [A,    F,    F,     F,    F,    F,      N,     N],
  // Which risks reach the agenda: the board chair, or the programme office for them.
  setRiskEscalationThreshold: [A, A,  F,     F,    F,    F,      N,     N],
  addAction:            [A,    F,    F,     F,    F,    F,      N,     N],
  reassignActionOwner:  [A,    F,    F,     F,    F,    F,      N,     N],
  reportProgress:       [F,    F,    F,     A,    F,    F,      N,     N],
  correctProgress:      [A,    F,    F,     A,    F,    F,      N,     N],
  // Delivery confidence (docs/delivery-confidence.md): the owner of the action or the board.
  rateDeliveryConfidence: [F,  A,    A,     A,    F,    F,      N,     N],
  addMilestone:         [A,    F,    F,     A,    F,    F,      N,     N],
  completeMilestone:    [A,    F,    F,     A,    F,    F,      N,     N],
  rescheduleAction:     [A,    A,    A,     F,    F,    F,      N,     N],
  attachEvidence:       [F,    F,    F,     A,    F,    F,      N,     N],
  reviewEvidence:       [F,    A,    A,     F,    F,    F,      N,     N],
  completeAction:       [F,    A,    A,     F,    F,    F,      N,     N],
  reopenAction:         [F,    A,    A,     F,    F,    F,      N,     N],
  withdrawAction:       [A,    F,    F,     F,    F,    F,      N,     N],
  supersedeAction:      [A,    F,    F,     F,    F,    F,      N,     N],
  delegateAction:       [A,    F,    F,     A,    F,    F,      N,     N],
  withdrawDelegation:   [A,    F,    F,     A,    F,    F,      N,     N],
  registerUser:         [A,    F,    F,     F,    F,    F,      F,     A],
  grantRole:            [A,    F,    F,     F,    F,    F,      F,     F],
  revokeRole:           [A,    F,    F,     F,    F,    F,      F,     F],
  setUserEmail:         [A,    F,    F,     F,    F,    F,      N,     N],
  scheduleMeeting:      [F,    A,    A,     F,    F,    F,      N,     N],
  recordAttendance:     [F,    A,    A,     F,    F,    F,      N,     N],
  recordDecision:       [F,    A,    A,     F,    F,    F,      N,     N],
  closeMeeting:         [F,    A,    A,     F,    F,    F,      N,     N],
  openUpdateRound:      [A,    F,    F,     F,    F,    F,      N,     N],
  closeUpdateRound:     [A,    F,    F,     F,    F,    F,      N,     N],
  defineMetric:         [A,    F,    F,     F,    F,    F,      N,     N],
  reviseMetric:         [A,    F,    F,     F,    F,    F,      N,     N],
  setMetricTarget:      [A,    F,    F,     F,    F,    F,      N,     N],
  recordMeasurement:    [A,    F,    F,     F,    F,    F,      N,     N],
  correctMeasurement:   [A,    F,    F,     F,    F,    F,      N,     N],
  recordComparator:     [A,    F,    F,     F,    F,    F,      N,     N],
  importMeasurements:   [A,    F,    F,     F,    F,    F,      N,     N],
  // The risk register (docs/risks.md): the matrix's risk is owned by Alex Morgan ("owner").
  raiseRisk:            [A,    A,    A,     F,    F,    F,      N,     N],
  rescoreRisk:          [A,    F,    F,     A,    F,    F,      N,     N],
  changeRiskLinks:      [A,    F,    F,     F,    F,    F,      N,     N],
  reviseRiskTarget:     [A,    A,    A,     F,    F,    F,      N,     N],
  setRiskReviewDate:    [A,    F,    F,     A,    F,    F,      N,     N],
  addMitigation:        [A,    F,    F,     A,    F,    F,      N,     N],
  changeMitigationStatus: [A,  F,    F,     A,    F,    F,      N,     N],
  // Who answers for a risk: the programme office or the board, not the owner passing it on.
  reassignRiskOwner:    [A,    A,    A,     F,    F,    F,      N,     N],
  closeRisk:            [F,    A,    A,     F,    F,    F,      N,     N],
  recordRiskAsIssue:    [A,    A,    A,     F,    F,    F,      N,     N],
  // Challenge threads: the DfE adviser may ask and follow up (a question changes nothing in the
  // plan); the action's owner or the programme office answers; the board resolves.
  raiseChallenge:       [F,    A,    A,     F,    F,    A,      N,     N],
  answerChallenge:      [A,    F,    F,     A,    F,    F,      N,     N],
  followUpChallenge:    [F,    A,    A,     F,    F,    A,      N,     N],
  resolveChallenge:     [F,    A,    A,     F,    F,    F,      N,     N],
  // Dependencies: the programme office, or the owner of the action that waits ("owner" owns 1.1,
  // which waits for another owner's 1.2).
  declareDependency:    [A,    F,    F,     A,    F,    F,      N,     N],
  removeDependency:     [A,    F,    F,     A,    F,    F,      N,     N],
  // The board's working tools: it records plan and risk decisions and its follow-ups; the
  // follow-up the matrix changes names "owner" (by user id), who may update and complete it.
  recordPlanDecision:   [F,    A,    A,     F,    F,    F,      N,     N],
  raiseFollowUp:        [F,    A,    A,     F,    F,    F,      N,     N],
  updateFollowUp:       [F,    A,    A,     A,    F,    F,      N,     N],
  completeFollowUp:     [F,    A,    A,     A,    F,    F,      N,     N],
  dropFollowUp:         [F,    A,    A,     F,    F,    F,      N,     N],
  // Who someone is (docs/security.md): an owner's name, by an administrator of every area naming
  // them; which owner a person acts as, by an administrator of every area the person works in.
  renameOwner:          [A,    F,    F,     F,    F,    F,      N,     N],
  linkUserToOwner:      [A,    F,    F,     F,    F,    F,      N,     N],
  // The High Needs Block position (docs/finance.md): the programme office, its finance lead, records.
  startHighNeedsPosition: [A,  F,    F,     F,    F,    F,      N,     N],
  setHighNeedsYear:     [A,    F,    F,     F,    F,    F,      N,     N],
  recordHighNeedsForecast: [A, F,    F,     F,    F,    F,      N,     N],
  setDeficitTrajectory: [A,    F,    F,     F,    F,    F,      N,     N],
  // The conditions register (docs/conditions.md): the programme office keeps it and records each
  // quarter's status; only the board chair approves one; the DfE adviser and the board read.
  addCondition:         [A,    F,    F,     F,    F,    F,      N,     N],
  reviseConditionWording: [A,  F,    F,     F,    F,    F,      N,     N],
  recordConditionStatus: [A,   F,    F,     F,    F,    F,      N,     N],
  approveConditionStatus: [F,  A,    F,     F,    F,    F,      N,     N],
  linkToCondition:      [A,    F,    F,     F,    F,    F,      N,     N],
  unlinkFromCondition:  [A,    F,    F,     F,    F,    F,      N,     N],
  // Money on actions and priorities (docs/finance.md): the programme office keeps the figures;
  // the action's owner ("owner" owns 1.1) records spend to date on it, and nothing else.
  setActionFunding:     [A,    F,    F,     F,    F,    F,      N,     N],
  recordActionSpend:    [A,    F,    F,     A,    F,    F,      N,     N],
  recordSavingsEvidenced: [A,  F,    F,     F,    F,    F,      N,     N],
  setPrioritySavingsTarget: [A, F,   F,     F,    F,    F,      N,     N],
  // Reminders (docs/reminders.md): the programme office that sends them sends one again; the DfE
  // adviser, who may read them, may not.
  resendReminder:       [A,    F,    F,     F,    F,    F,      N,     N],
  // The quarterly return (docs/reports.md): the programme office writes and submits it; only the
  // board chair signs it off; the board and the DfE adviser read it.
  writeExecutiveSummary: [A,   F,    F,     F,    F,    F,      N,     N],
  submitQuarterlyReturn: [A,   F,    F,     F,    F,    F,      N,     N],
  signOffQuarterlyReturn: [F,  A,    F,     F,    F,    F,      N,     N],
  // A break in the history (docs/tamper-evident-history.md): only the programme office, who keep
  // the record, lift the stop on writing; the board and the DfE adviser are told, not asked.
  acknowledgeHistoryBreak: [A, F,    F,     F,    F,    F,      N,     N],
};

const START_HIGH_NEEDS = `mutation ($input: StartHighNeedsPositionInput!) { startHighNeedsPosition(input: $input) { planId } }`;

/** Plan ids are lower-case letters, digits and dashes; one plan per cell keeps the cells apart. */
const planIdFor = (mutation: MutationName, userId: string) => `matrix-${mutation.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-${userId}`;

describe('Who may send which mutation, over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    for (const { allowedAs: _, ...user } of CALLERS) await app.addUser(user);
  });

  afterAll(() => app?.close());

  it('covers every mutation the API has, so a new one cannot be added without its row', () => {
    const fields = Object.keys(app.app.get(GraphQLSchemaHost).schema.getMutationType()!.getFields());
    expect([...MUTATIONS].sort()).toEqual(fields.sort());
  });

  describe.each(MUTATIONS)('%s', (mutation) => {
    const cells = CALLERS.map((caller, column) => [caller.userId, EXPECTED[mutation][column], caller.allowedAs] as const);

    it.each(cells)('as %s: %s', async (userId, expected, allowedAs) => {
      const { query, variables } = await PREPARE[mutation](app.gql, planIdFor(mutation, userId), app);
      const before = await app.allEvents();

      const result = await app.as(userId).gql(query, variables);

      const after = await app.allEvents();
      if (expected === 'allowed') {
        expect(result.errors).toBeUndefined();
        const added = after.slice(before.length);
        expect(added.length).toBeGreaterThan(0);
        for (const event of added) expect(event.metadata.actor).toMatchObject({ userId, role: allowedAs });
      } else {
        expect(result.errors?.[0]?.extensions?.code).toBe(expected);
        expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
      }
    });
  });

  /**
   * User management on a person who works in two areas (a board member in the test area and in
   * another). Granting someone a role in your own area must not widen what you can do to them
   * elsewhere: only an administrator of every area they work in may change their identity (the
   * email their reminders go to); each administrator grants and revokes in their own area only.
   * User ids are global names (docs/security.md), so registering one that exists is a CONFLICT
   * for any administrator.
   */
  describe('on a person who belongs to two areas', () => {
    type Outcome2 = Outcome | 'CONFLICT';
    const C: Outcome2 = 'CONFLICT';
    const TWO_AREA_CALLERS = ['admin', 'elsewhere', 'both-admin', 'chair', 'adviser'] as const;
    const REGISTER = `mutation ($input: RegisterUserInput!) { registerUser(input: $input) { id } }`;
    const GRANT = `mutation ($input: RoleGrantInput!) { grantRole(input: $input) { id } }`;
    const REVOKE = `mutation ($input: RoleGrantInput!) { revokeRole(input: $input) { id } }`;
    const SET_EMAIL = `mutation ($input: SetUserEmailInput!) { setUserEmail(input: $input) { id } }`;
    const LINK = `mutation ($input: LinkUserToOwnerInput!) { linkUserToOwner(input: $input) { id } }`;
    const OPERATIONS: Record<string, { query: string; input: (userId: string) => Record<string, unknown>; expected: Outcome2[] }> = {
      //                                                                                          admin elsewhere both chair adviser
      setUserEmail: { query: SET_EMAIL, input: (userId) => ({ userId, email: 'someone.else@attacker.example' }), expected: [F, F, A, F, F] },
      'setUserEmail to none': { query: SET_EMAIL, input: (userId) => ({ userId, email: null }), expected: [F, F, A, F, F] },
      'grantRole in the test area': { query: GRANT, input: (userId) => ({ userId, role: 'ACTION_OWNER', localAreaId: TEST_AREA }), expected: [A, F, A, F, F] },
      'grantRole in the other area': { query: GRANT, input: (userId) => ({ userId, role: 'ACTION_OWNER', localAreaId: OTHER_AREA }), expected: [F, A, A, F, F] },
      'revokeRole in the test area': { query: REVOKE, input: (userId) => ({ userId, role: 'BOARD_MEMBER', localAreaId: TEST_AREA }), expected: [A, F, A, F, F] },
      'revokeRole in the other area': { query: REVOKE, input: (userId) => ({ userId, role: 'BOARD_MEMBER', localAreaId: OTHER_AREA }), expected: [F, A, A, F, F] },
      // Alex Morgan (the matrix's owner) is known in both areas, so any of these callers may name them.
      linkUserToOwner: { query: LINK, input: (userId) => ({ userId, ownerId: ALEX_OWNER_ID }), expected: [F, F, A, F, F] },
      'registerUser again': { query: REGISTER, input: (userId) => ({ userId, displayName: 'Someone Else', email: 'someone.else@attacker.example' }), expected: [C, C, C, F, F] },
    };
    let person = 0;

    beforeAll(async () => {
      await app.addUser({ userId: 'both-admin', roles: ['PLAN_ADMINISTRATOR'], areas: [TEST_AREA, OTHER_AREA] });
    });

    describe.each(Object.keys(OPERATIONS))('%s', (operation) => {
      const { query, input, expected } = OPERATIONS[operation];
      it.each(TWO_AREA_CALLERS.map((caller, i) => [caller, expected[i]] as const))('as %s: %s', async (caller, outcome) => {
        const userId = `two-area-person-${(person += 1)}`;
        await app.addUser({ userId, roles: ['BOARD_MEMBER'], areas: [TEST_AREA, OTHER_AREA], email: `${userId}@council.example` });
        const before = await app.allEvents();

        const result = await app.as(caller).gql(query, { input: input(userId) });

        const after = await app.allEvents();
        if (outcome === 'allowed') {
          expect(result.errors).toBeUndefined();
          const added = after.slice(before.length);
          expect(added.length).toBeGreaterThan(0);
          for (const event of added) expect(event.metadata.actor).toMatchObject({ userId: caller, role: 'PLAN_ADMINISTRATOR' });
        } else {
          expect(result.errors?.[0]?.extensions?.code).toBe(outcome);
          expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
        }
      });
    });
  });

  /**
   * The conditions register for a person who is the programme office in one area and the board
   * chair in the other: each area's role counts there only, so they record a status here but
   * cannot approve it, and approve there but cannot record.
   */
  describe('the conditions register, for a person in two areas', () => {
    const RECORD = `mutation ($input: RecordConditionStatusInput!) { recordConditionStatus(input: $input) { id revision } }`;
    const APPROVE = `mutation ($input: ApproveConditionStatusInput!) { approveConditionStatus(input: $input) { id } }`;
    const ADD = `mutation ($input: AddConditionInput!) { addCondition(input: $input) { id revision } }`;
    const status = { quarter: '2025/26 Q4', status: 'NOT_MET', commentary: 'The deficit passed the trajectory' };

    beforeAll(async () => {
      await app.addUser({ userId: 'office-here-chair-there', roles: ['PLAN_ADMINISTRATOR'], areas: [TEST_AREA] });
      await app.addUser({ userId: 'office-here-chair-there', roles: ['BOARD_CHAIR'], areas: [OTHER_AREA] });
    });

    it.each([
      ['records a status in the area they administer', 'matrix-conditions-here', TEST_AREA, 'record', 'allowed'],
      ['cannot approve it there', 'matrix-conditions-here-approve', TEST_AREA, 'approve', 'FORBIDDEN'],
      ['approves in the area they chair', 'matrix-conditions-there', OTHER_AREA, 'approve', 'allowed'],
      ['cannot record a status there', 'matrix-conditions-there-record', OTHER_AREA, 'record', 'FORBIDDEN'],
    ])('%s', async (_name, planId, areaId, what, expected) => {
      const maker = areaId === TEST_AREA ? app.gql : app.as('elsewhere').gql;
      await maker(CREATE_PLAN, { input: planInput(planId, areaId) });
      const added = (await maker(ADD, { input: conditionInput(planId) })).data.addCondition;
      const recorded = what === 'approve' ? (await maker(RECORD, { input: { conditionId: added.id, expectedRevision: added.revision, ...status } })).data.recordConditionStatus : added;
      const before = await app.allEvents();
      const input = what === 'approve' ? { conditionId: added.id, expectedRevision: recorded.revision, quarter: status.quarter, version: 1 } : { conditionId: added.id, expectedRevision: added.revision, ...status };
      const result = await app.as('office-here-chair-there').gql(what === 'approve' ? APPROVE : RECORD, { input });
      if (expected === 'allowed') expect(result.errors).toBeUndefined();
      else {
        expect(result.errors?.[0]?.extensions?.code).toBe(expected);
        expect((await app.allEvents()).length).toBe(before.length);
      }
    });
  });

  describe('reads', () => {
    const planId = 'matrix-reads';
    let actionId: string;
    /** A board meeting in each plan read, for the agenda. */
    const meetingIds = new Map<string, string>();
    const scheduleMeeting = async (as: { gql: TestApp['gql'] }, inPlan: string) => {
      const scheduled = await as.gql(`mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, { input: { planId: inPlan, type: 'BOARD', date: '2026-06-15', title: 'June board' } });
      expect(scheduled.errors).toBeUndefined();
      meetingIds.set(inPlan, scheduled.data.scheduleMeeting.id);
    };

    beforeAll(async () => {
      await app.gql(CREATE_PLAN, { input: planInput(planId) });
      const added = (await app.gql(ADD_ACTION, { input: actionInput(planId, '1.1', { areaNumber: 1 }) })).data.addAction;
      actionId = added.id;
      await app.gql(change('reportProgress', 'ReportProgressInput'), {
        input: { actionId, expectedRevision: added.revision, rag: 'GREEN', commentary: 'On track', asAt: '2026-06-01' },
      });
      const raised = await app.gql(`mutation ($input: RaiseRiskInput!) { raiseRisk(input: $input) { id } }`, { input: riskInput(planId, [actionId]) });
      expect(raised.errors).toBeUndefined();
      expect((await app.gql(START_HIGH_NEEDS, { input: { planId, firstYear: '2025/26', openingCumulativeDeficit: '113257000' } })).errors).toBeUndefined();
      const condition = await app.gql(`mutation ($input: AddConditionInput!) { addCondition(input: $input) { id } }`, { input: conditionInput(planId, [actionId]) });
      expect(condition.errors).toBeUndefined();
      await scheduleMeeting(app, planId);
    });

    it('lets the DfE adviser read the plan, its actions, an action’s timeline and the owners', async () => {
      const result = await app.as('adviser').gql(
        `query ($planId: ID!, $actionId: ID!) {
          plans { id }
          plan(id: $planId) { id title actions { totalCount } owners { owner { name } } }
          actions(planId: $planId) { totalCount edges { node { ref rag } } }
          action(id: $actionId) { ref timeline { eventType actor { userId role } } }
          owners(planId: $planId) { owner { name organisation } totalActions }
        }`,
        { planId, actionId },
      );

      expect(result.errors).toBeUndefined();
      expect(result.data.plans.map((p: { id: string }) => p.id)).toContain(planId);
      expect(result.data.plan).toMatchObject({ id: planId, actions: { totalCount: 1 }, owners: [{ owner: { name: 'Alex Morgan' } }] });
      expect(result.data.actions).toMatchObject({ totalCount: 1, edges: [{ node: { ref: '1.1', rag: 'GREEN' } }] });
      expect(result.data.action.timeline.map((t: { eventType: string }) => t.eventType)).toEqual(['ActionAdded', 'MilestoneAdded', 'ProgressReported']);
      expect(result.data.owners).toEqual([{ owner: ALEX, totalActions: 1 }]);
    });

    /**
     * Reads that answer every role in the area alike, and the reminder list, which is the
     * programme office's and, for oversight, the DfE adviser's. Outside the area everything is
     * NOT_FOUND, as if it did not exist.
     */
    const READS: Record<string, { query: string; expected: Outcome[] }> = {
      //                                                                                                      admin chair member owner other adviser nobody elsewhere
      'action(planId, ref)': { query: `query ($planId: ID!) { action(planId: $planId, ref: "1.1") { ref } }`, expected: [A, A, A, A, A, A, N, N] },
      'actions(filter: { ref })': { query: `query ($planId: ID!) { actions(planId: $planId, filter: { ref: "1.1" }) { totalCount } }`, expected: [A, A, A, A, A, A, N, N] },
      'historyHead(planId)': { query: `query ($planId: ID!) { historyHead(planId: $planId) { position events hash } }`, expected: [A, A, A, A, A, A, N, N] },
      'historyIntegrity(planId)': { query: `query ($planId: ID!) { historyIntegrity(planId: $planId) { status writesRefused } }`, expected: [A, A, A, A, A, A, N, N] },
      'users(localAreaId)': { query: `query ($areaId: ID!) { users(localAreaId: $areaId) { id } }`, expected: [A, A, A, A, A, A, N, N] },
      'risks(planId)': { query: `query ($planId: ID!) { risks(planId: $planId) { ref scores { commentary } mitigations { id } } }`, expected: [A, A, A, A, A, A, N, N] },
      'conditions(planId)': { query: `query ($planId: ID!) { conditions(planId: $planId) { ref quarters { latest { status } } actions { ref rag } } }`, expected: [A, A, A, A, A, A, N, N] },
      'condition(planId, ref)': { query: `query ($planId: ID!) { condition(planId: $planId, ref: "C2") { ref currentQuarter { awaitingApproval } } }`, expected: [A, A, A, A, A, A, N, N] },
      'risk(planId, ref)': { query: `query ($planId: ID!) { risk(planId: $planId, ref: "R1") { ref current { band } } }`, expected: [A, A, A, A, A, A, N, N] },
      'meetingActionLog(planId)': { query: `query ($planId: ID!) { meetingActionLog(planId: $planId) { description notes { note } } }`, expected: [A, A, A, A, A, A, N, N] },
      'challenges(planId)': { query: `query ($planId: ID!) { challenges(planId: $planId) { subjectRef messages { kind text } } }`, expected: [A, A, A, A, A, A, N, N] },
      'challenges(planId, recordedBy)': { query: `query ($planId: ID!) { challenges(planId: $planId, recordedBy: "${NOW}") { subjectRef messages { kind text } } }`, expected: [A, A, A, A, A, A, N, N] },
      'plan.dependencies': { query: `query ($planId: ID!) { plan(id: $planId) { dependencies { revision dependencies { note } slipping { reasons } } } }`, expected: [A, A, A, A, A, A, N, N] },
      'reminders(planId)': { query: `query ($planId: ID!) { reminders(planId: $planId) { key } }`, expected: [A, F, F, F, F, A, N, N] },
      // Those who may have the history verified see which heads went out to check it by; action owners need none of it.
      'chainHeadMails(planId)': { query: `query ($planId: ID!) { chainHeadMails(planId: $planId) { occasion head { position hash } status } }`, expected: [A, A, A, F, F, A, N, N] },
      'plan(id, asOfDate)': { query: `query ($planId: ID!) { plan(id: $planId, asOfDate: "2026-06-01") { asOfDate actions { totalCount } } }`, expected: [A, A, A, A, A, A, N, N] },
      'actions(planId, asOfDate)': { query: `query ($planId: ID!) { actions(planId: $planId, asOfDate: "2026-06-01") { edges { node { rag asOfDate } } } }`, expected: [A, A, A, A, A, A, N, N] },
      'action(planId, ref, asOfDate)': { query: `query ($planId: ID!) { action(planId: $planId, ref: "1.1", asOfDate: "2026-06-01") { rag } }`, expected: [A, A, A, A, A, A, N, N] },
      'planFinance(planId)': { query: `query ($planId: ID!) { planFinance(planId: $planId) { revision totals { plannedCost { millions } } priorities { number years { year } } } }`, expected: [A, A, A, A, A, A, N, N] },
      'action.finance': { query: `query ($planId: ID!) { action(planId: $planId, ref: "1.1") { finance { plannedCost { millions } history { kind } } } }`, expected: [A, A, A, A, A, A, N, N] },
      'quarterlyReturn(planId, quarter)': { query: `query ($planId: ID!) { quarterlyReturn(planId: $planId, quarter: "2025/26 Q4") { status executiveSummary { text } signOff { htmlSha256 } } }`, expected: [A, A, A, A, A, A, N, N] },
      'highNeedsPosition(planId)': { query: `query ($planId: ID!) { highNeedsPosition(planId: $planId) { firstYear years { year } } }`, expected: [A, A, A, A, A, A, N, N] },
      'owners(planId, asOfDate)': { query: `query ($planId: ID!) { owners(planId: $planId, asOfDate: "2026-06-01") { totalActions } }`, expected: [A, A, A, A, A, A, N, N] },
      // The tracker's clock belongs to no area: everyone signed in reads it, so the dashboard's "today" is the API's.
      now: { query: `{ now }`, expected: [A, A, A, A, A, A, A, A] },
      'meetings(planId, recordedBy)': { query: `query ($planId: ID!) { meetings(planId: $planId, recordedBy: "${NOW}") { title planDecisions { kind } } }`, expected: [A, A, A, A, A, A, N, N] },
      'meetingAgenda(meetingId, recordedBy)': {
        query: `query ($meetingId: ID!) { meetingAgenda(meetingId: $meetingId, recordedBy: "${NOW}") { meeting { title } followUps { id } escalatedRisks { risk { ref decisions { kind } } } openChallenges { id } planDecisions { kind } } }`,
        expected: [A, A, A, A, A, A, N, N],
      },
    };

    describe.each(Object.keys(READS))('%s', (read) => {
      it.each(CALLERS.map((caller, i) => [caller.userId, READS[read].expected[i]] as const))('as %s: %s', async (userId, expected) => {
        const result = await app.as(userId).gql(READS[read].query, { planId, areaId: TEST_AREA, meetingId: meetingIds.get(planId) });
        if (expected === 'allowed') {
          expect(result.errors).toBeUndefined();
        } else {
          expect(result.errors?.[0]?.extensions?.code).toBe(expected);
          expect(result.data).toBeNull();
        }
      });
    });

    /**
     * A person who is a board member here and the DfE adviser in another area reads each area as
     * the role they hold there, and one area's role lends nothing to the other.
     */
    describe('for a person in two areas', () => {
      const otherPlanId = 'matrix-reads-other-area';
      beforeAll(async () => {
        await app.addUser({ userId: 'two-area-reader', roles: ['BOARD_MEMBER'], areas: [TEST_AREA] });
        await app.addUser({ userId: 'two-area-reader', roles: ['DFE_ADVISER'], areas: [OTHER_AREA] });
        await app.as('elsewhere').gql(CREATE_PLAN, { input: planInput(otherPlanId, OTHER_AREA) });
        await app.as('elsewhere').gql(ADD_ACTION, { input: actionInput(otherPlanId, '1.1', { areaNumber: 1 }) });
        await app.as('elsewhere').gql(START_HIGH_NEEDS, { input: { planId: otherPlanId, firstYear: '2025/26', openingCumulativeDeficit: '0' } });
        await scheduleMeeting(app.as('elsewhere'), otherPlanId);
      });

      it.each([
        ['reminders in the area they advise', otherPlanId, OTHER_AREA, 'reminders(planId)', 'allowed'],
        ['reminders in the area they are a board member of', planId, TEST_AREA, 'reminders(planId)', 'FORBIDDEN'],
        ['chain head mails in the area they are a board member of', planId, TEST_AREA, 'chainHeadMails(planId)', 'allowed'],
        ['an action by reference in each area', otherPlanId, OTHER_AREA, 'action(planId, ref)', 'allowed'],
        ['the business-date view of the plan in the area they advise', otherPlanId, OTHER_AREA, 'plan(id, asOfDate)', 'allowed'],
        ['the business-date view of an action in the area they are a board member of', planId, TEST_AREA, 'action(planId, ref, asOfDate)', 'allowed'],
        ['the store head from either area', otherPlanId, OTHER_AREA, 'historyHead(planId)', 'allowed'],
        ["the history's integrity from either area", planId, TEST_AREA, 'historyIntegrity(planId)', 'allowed'],
        ['the High Needs position in the area they advise', otherPlanId, OTHER_AREA, 'highNeedsPosition(planId)', 'allowed'],
        ['the High Needs position in the area they are a board member of', planId, TEST_AREA, 'highNeedsPosition(planId)', 'allowed'],
        ['the people of the other area', planId, OTHER_AREA, 'users(localAreaId)', 'allowed'],
        ['the people of a third area', planId, 'third-area', 'users(localAreaId)', 'NOT_FOUND'],
        ['the agenda as at an instant in the area they advise', otherPlanId, OTHER_AREA, 'meetingAgenda(meetingId, recordedBy)', 'allowed'],
        ['the meetings as at an instant in the area they are a board member of', planId, TEST_AREA, 'meetings(planId, recordedBy)', 'allowed'],
      ])('%s', async (_name, readPlanId, areaId, read, expected) => {
        const result = await app.as('two-area-reader').gql(READS[read].query, { planId: readPlanId, areaId, meetingId: meetingIds.get(readPlanId) });
        if (expected === 'allowed') expect(result.errors).toBeUndefined();
        else expect(result.errors?.[0]?.extensions?.code).toBe(expected);
      });
    });

    describe.each(['elsewhere', 'nobody'])('for %s, with no role in the area', (userId) => {
      it.each([
        ['plan(id)', `query ($planId: ID!) { plan(id: $planId) { id } }`],
        ['action(id)', `query ($actionId: ID!) { action(id: $actionId) { id } }`],
        ['actions(planId)', `query ($planId: ID!) { actions(planId: $planId) { totalCount } }`],
        ['owners(planId)', `query ($planId: ID!) { owners(planId: $planId) { totalActions } }`],
      ])('answers NOT_FOUND for %s', async (_name, query) => {
        const result = await app.as(userId).gql(query, { planId, actionId });
        expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
        expect(result.data).toBeNull();
      });

      it('lists no plans', async () => {
        const result = await app.as(userId).gql(`{ plans { id } }`);
        expect(result.errors).toBeUndefined();
        // The only plans outside the test area are the two-area reader's and the conditions register's two-area cases, in the area "elsewhere" administers.
        const outside = (id: string) => id === 'matrix-reads-other-area' || id.startsWith('matrix-conditions-there');
        expect(result.data.plans.map((p: { id: string }) => p.id).filter((id: string) => !outside(id))).toEqual([]);
      });
    });
  });

  /**
   * The board's working tools for a person who is a board member here and the DfE adviser in
   * another area: they record decisions and follow-ups here only, and being named on a follow-up
   * in the area they advise lends them no right to change it.
   */
  describe("the board's working tools for a person in two areas", () => {
    const TOOLS_AREA = 'tools-area';
    const FOLLOW_UP = `mutation ($input: RaiseFollowUpInput!) { raiseFollowUp(input: $input) { id } }`;
    const UPDATE = `mutation ($input: UpdateFollowUpInput!) { updateFollowUp(input: $input) { id } }`;
    const DECISION = `mutation ($input: RecordPlanDecisionInput!) { recordPlanDecision(input: $input) { id } }`;
    let here: string;
    let there: string;
    let theirs: string;

    beforeAll(async () => {
      await app.addUser({ userId: 'tools-person', roles: ['BOARD_MEMBER'], areas: [TEST_AREA] });
      await app.addUser({ userId: 'tools-person', roles: ['DFE_ADVISER'], areas: [TOOLS_AREA] });
      await app.addUser({ userId: 'tools-chair', roles: ['PLAN_ADMINISTRATOR', 'BOARD_CHAIR'], areas: [TOOLS_AREA] });
      here = ((await PREPARE.raiseFollowUp(app.gql, 'matrix-tools-here-2')).variables.input as { meetingId: string }).meetingId;
      const chair = app.as('tools-chair');
      await chair.gql(CREATE_PLAN, { input: planInput('matrix-tools-there', TOOLS_AREA) });
      const scheduled = await chair.gql(`mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
        input: { planId: 'matrix-tools-there', type: 'BOARD', date: '2026-06-01', title: 'June board' },
      });
      there = scheduled.data.scheduleMeeting.id;
      const named = await chair.gql(FOLLOW_UP, { input: { meetingId: there, description: 'Send the DfE the sufficiency paper', owner: { name: 'DfE adviser', role: 'DfE SEND adviser', userId: 'tools-person' }, dueDate: '2026-07-01' } });
      expect(named.errors).toBeUndefined();
      theirs = named.data.raiseFollowUp.id;
    });

    const followUp = (meetingId: string) => ({ meetingId, description: 'Bring the dashboard', owner: { name: 'Sam Patel', role: 'Head of SEND' }, dueDate: '2026-07-13' });

    it.each([
      ['records a follow-up in the area they are a board member of', () => ({ query: FOLLOW_UP, input: followUp(here) }), 'allowed'],
      ['records a plan decision in the area they are a board member of', () => ({ query: DECISION, input: { meetingId: here, kind: 'NOTED', summary: 'Noted' } }), 'allowed'],
      ['may not record a follow-up in the area they advise', () => ({ query: FOLLOW_UP, input: followUp(there) }), 'FORBIDDEN'],
      ['may not record a plan decision in the area they advise', () => ({ query: DECISION, input: { meetingId: there, kind: 'NOTED', summary: 'Noted' } }), 'FORBIDDEN'],
      ['may not update a follow-up that names them in the area they advise', () => ({ query: UPDATE, input: { followUpId: theirs, note: 'Sent' } }), 'FORBIDDEN'],
    ])('%s', async (_name, request, expected) => {
      const { query, input } = request();
      const before = await app.allEvents();
      const result = await app.as('tools-person').gql(query, { input });
      const added = (await app.allEvents()).slice(before.length);
      if (expected === 'allowed') {
        expect(result.errors).toBeUndefined();
        for (const event of added) expect(event.metadata.actor).toMatchObject({ userId: 'tools-person', role: 'BOARD_MEMBER' });
      } else {
        expect(result.errors?.[0]?.extensions?.code).toBe(expected);
        expect(added).toEqual([]);
      }
    });
  });
});
