import { randomUUID } from 'node:crypto';
import { ReminderLedgerService } from '../../apps/api/src/reminders/reminder-ledger.service';
import { HistoryBreakCommands } from '../../apps/api/src/history/history-break-commands.service';
import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './plan-operations';
import { GraphQLResponse, TestApp } from './test-app';

export const MUTATIONS = [
  'createPlan',
  'changeStaleThreshold',
  'setRiskEscalationThreshold',
  'addAction',
  'reassignActionOwner',
  'reportProgress',
  'correctProgress',
  'rateDeliveryConfidence',
  'addMilestone',
  'completeMilestone',
  'rescheduleAction',
  'attachEvidence',
  'reviewEvidence',
  'completeAction',
  'reopenAction',
  'withdrawAction',
  'supersedeAction',
  'delegateAction',
  'withdrawDelegation',
  'registerUser',
  'grantRole',
  'revokeRole',
  'setUserEmail',
  'scheduleMeeting',
  'recordAttendance',
  'recordDecision',
  'closeMeeting',
  'openUpdateRound',
  'closeUpdateRound',
  'defineMetric',
  'reviseMetric',
  'setMetricTarget',
  'recordMeasurement',
  'correctMeasurement',
  'recordComparator',
  'importMeasurements',
  'raiseRisk',
  'rescoreRisk',
  'changeRiskLinks',
  'reviseRiskTarget',
  'setRiskReviewDate',
  'addMitigation',
  'changeMitigationStatus',
  'reassignRiskOwner',
  'closeRisk',
  'recordRiskAsIssue',
  'raiseChallenge',
  'answerChallenge',
  'followUpChallenge',
  'resolveChallenge',
  'declareDependency',
  'removeDependency',
  'recordPlanDecision',
  'raiseFollowUp',
  'updateFollowUp',
  'completeFollowUp',
  'dropFollowUp',
  'renameOwner',
  'linkUserToOwner',
  'startHighNeedsPosition',
  'setHighNeedsYear',
  'recordHighNeedsForecast',
  'setDeficitTrajectory',
  'addCondition',
  'reviseConditionWording',
  'recordConditionStatus',
  'approveConditionStatus',
  'linkToCondition',
  'unlinkFromCondition',
  'setActionFunding',
  'recordActionSpend',
  'recordSavingsEvidenced',
  'setPrioritySavingsTarget',
  'resendReminder',
  'writeExecutiveSummary',
  'submitQuarterlyReturn',
  'signOffQuarterlyReturn',
  'acknowledgeHistoryBreak',
] as const;
export type MutationName = (typeof MUTATIONS)[number];

const highNeedsMutation = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { planId revision } }`;

/** A plan whose High Needs Block position is started at 2025/26, with that year's figures set when `withYear`. */
async function planWithHighNeeds(gql: Gql, planId: string, withYear: boolean): Promise<{ revision: number }> {
  await must(gql(CREATE_PLAN, { input: planInput(planId) }), 'createPlan');
  const started = await must<{ revision: number }>(
    gql(highNeedsMutation('startHighNeedsPosition', 'StartHighNeedsPositionInput'), { input: { planId, firstYear: '2025/26', openingCumulativeDeficit: '113257000' } }),
    'startHighNeedsPosition',
  );
  if (!withYear) return started;
  const input = { planId, expectedRevision: started.revision, year: '2025/26', dsgAllocation: '380000000', budget: '437500000' };
  return must<{ revision: number }>(gql(highNeedsMutation('setHighNeedsYear', 'SetHighNeedsYearInput'), { input }), 'setHighNeedsYear');
}

/** One request, ready to send as whoever the test is about. */
export interface PreparedMutation {
  query: string;
  variables: Record<string, unknown>;
}

type Gql = TestApp['gql'];
type Action = { id: string; revision: number; milestones: { id: string }[]; evidence: { id: string }[]; owner: { id: string } };

const CHANGE_STALE_THRESHOLD = `
  mutation ($input: ChangeStaleThresholdInput!) { changeStaleThreshold(input: $input) { id staleAfterDays } }
`;

const REGISTER_USER = `mutation ($input: RegisterUserInput!) { registerUser(input: $input) { id } }`;
const GRANT_ROLE = `mutation ($input: RoleGrantInput!) { grantRole(input: $input) { id } }`;
const REVOKE_ROLE = `mutation ($input: RoleGrantInput!) { revokeRole(input: $input) { id } }`;

const SCHEDULE_MEETING = `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`;
const meetingMutation = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { id } }`;

/** A board meeting held before the test clock's today, in a plan with one action. */
async function heldMeeting(gql: Gql, planId: string): Promise<{ meetingId: string; action: Action }> {
  const action = await planWithAction(gql, planId);
  const meeting = await must<{ id: string }>(
    gql(SCHEDULE_MEETING, { input: { planId, type: 'BOARD', date: '2026-06-01', title: 'June board' } }),
    'scheduleMeeting',
  );
  return { meetingId: meeting.id, action };
}

const OPEN_ROUND = `mutation ($input: OpenUpdateRoundInput!) { openUpdateRound(input: $input) { id } }`;

const METRIC_DEFINITION = {
  name: 'Children with an EHCP in mainstream schools',
  description: 'Share of children with an EHC plan in mainstream schools',
  unit: 'PERCENT',
  polarity: 'HIGHER_IS_BETTER',
  frequency: 'MONTHLY',
  source: 'SEN2',
  owner: 'SEND and AP Lead',
  areaNumbers: [4],
  actionIds: [],
};
const metricMutation = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { id latest { id } } }`;

/** A plan with one scorecard metric that has a figure for February 2025. */
async function planWithMetric(gql: Gql, planId: string): Promise<{ metricId: string; measurementId: string }> {
  await must(gql(CREATE_PLAN, { input: planInput(planId) }), 'createPlan');
  const metric = await must<{ id: string }>(gql(metricMutation('defineMetric', 'DefineMetricInput'), { input: { planId, code: 'mainstream', ...METRIC_DEFINITION } }), 'defineMetric');
  const recorded = await must<{ latest: { id: string } }>(
    gql(metricMutation('recordMeasurement', 'RecordMeasurementInput'), { input: { metricId: metric.id, period: '2025-02', value: 39.8, asAt: '2025-02-28', source: 'SEN2' } }),
    'recordMeasurement',
  );
  return { metricId: metric.id, measurementId: recorded.latest.id };
}

const riskMutation = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { id revision } }`;

/** A risk owned by Alex Morgan of the Council (the matrix's owner), threatening the plan's action 1.1. */
export const riskInput = (planId: string, actionIds: string[] = []) => ({
  planId,
  ref: 'R1',
  title: 'Specialist places come too late',
  description: 'New special school places open after the children who need them have been placed out of area.',
  cause: 'Capital programme slippage',
  consequence: 'More placements in independent special schools and a larger deficit',
  owner: { name: 'Alex Morgan', role: 'Finance Lead – High Needs', organisation: 'Council' },
  areaNumbers: [1],
  priorityNumbers: [7],
  actionIds,
  inherent: { likelihood: 4, impact: 5 },
  current: { likelihood: 3, impact: 4 },
  target: { likelihood: 2, impact: 3, byDate: '2027-03-31' },
  reviewDate: '2026-09-01',
});

async function planWithRisk(gql: Gql, planId: string): Promise<{ riskId: string; revision: number; actionId: string }> {
  const action = await planWithAction(gql, planId);
  const risk = await must<{ id: string; revision: number }>(gql(riskMutation('raiseRisk', 'RaiseRiskInput'), { input: riskInput(planId, [action.id]) }), 'raiseRisk');
  return { riskId: risk.id, revision: risk.revision, actionId: action.id };
}

async function riskWithMitigation(gql: Gql, planId: string): Promise<{ riskId: string; revision: number; mitigationId: string }> {
  const { riskId, revision } = await planWithRisk(gql, planId);
  const added = await must<{ id: string; revision: number; mitigations: { id: string }[] }>(
    gql(`mutation ($input: AddMitigationInput!) { addMitigation(input: $input) { id revision mitigations { id } } }`, {
      input: { riskId, expectedRevision: revision, description: 'Placement panel reviews every request', owner: { name: 'Alex Morgan', role: 'Finance Lead – High Needs', organisation: 'Council' }, dueDate: '2026-08-31' },
    }),
    'addMitigation',
  );
  return { riskId, revision: added.revision, mitigationId: added.mitigations[0].id };
}

const challengeMutation = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { id status } }`;

/** A question about the plan's action 1.1 (Alex Morgan's), asked by the tester as board chair, answered if asked. */
async function planWithChallenge(gql: Gql, planId: string, answered = false): Promise<{ challengeId: string }> {
  const action = await planWithAction(gql, planId);
  const raised = await must<{ id: string }>(
    gql(challengeMutation('raiseChallenge', 'RaiseChallengeInput'), { input: { planId, subjectKind: 'ACTION', subjectId: action.id, question: 'Is the forecast on trajectory?' } }),
    'raiseChallenge',
  );
  if (answered) await must(gql(challengeMutation('answerChallenge', 'AnswerChallengeInput'), { input: { challengeId: raised.id, answer: 'Yes, within £0.5m.' } }), 'answerChallenge');
  return { challengeId: raised.id };
}

const followUpMutation = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { id status } }`;

/**
 * A follow-up asked for at a held meeting, naming the matrix's "owner" (an action owner in the
 * test area) by user id: the owner Alex Morgan they are linked to is the one to do it.
 */
async function meetingWithFollowUp(gql: Gql, planId: string): Promise<{ followUpId: string }> {
  const { meetingId } = await heldMeeting(gql, planId);
  const raised = await must<{ id: string }>(
    gql(followUpMutation('raiseFollowUp', 'RaiseFollowUpInput'), {
      input: { meetingId, description: 'Bring the performance dashboard to the next meeting', ownedBy: { userId: 'owner' }, dueDate: '2026-07-13' },
    }),
    'raiseFollowUp',
  );
  return { followUpId: raised.id };
}

/** Someone to grant roles to, registered by the tester (a plan administrator). */
async function registeredPerson(gql: Gql, planId: string): Promise<string> {
  const userId = `person-${planId}`;
  await must(gql(REGISTER_USER, { input: { userId, displayName: 'Jo Example' } }), 'registerUser');
  return userId;
}

/** Set-up is done as the tester; a set-up that fails must fail loudly, not turn into a refusal. */
async function must<T = any>(pending: Promise<GraphQLResponse>, field: string): Promise<T> {
  const result = await pending;
  if (result.errors || !result.data?.[field]) throw new Error(`set-up ${field} failed: ${JSON.stringify(result.errors)}`);
  return result.data[field];
}

async function planWithAction(gql: Gql, planId: string): Promise<Action> {
  await must(gql(CREATE_PLAN, { input: planInput(planId) }), 'createPlan');
  // actionInput's owner is Alex Morgan of the Council, with one milestone.
  return must(gql(ADD_ACTION, { input: actionInput(planId, '1.1', { areaNumber: 1 }) }), 'addAction');
}

const fundingMutation = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { revision } }`;

/** Action 1.1 (Alex Morgan's) with its funding set: the plan's funding revision to send back. */
async function actionWithFunding(gql: Gql, planId: string): Promise<{ actionId: string; revision: number }> {
  const action = await planWithAction(gql, planId);
  const input = { planId, actionId: action.id, plannedCost: '215000', expectedSavings: '600000', fundingSource: 'SEND Intervention Fund', savingsPriority: 1 };
  const funded = await must<{ revision: number }>(gql(fundingMutation('setActionFunding', 'SetActionFundingInput'), { input }), 'setActionFunding');
  return { actionId: action.id, revision: funded.revision };
}

const conditionMutation = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { id revision } }`;

/** Condition C2 of the direction, met through the plan's action 1.1. */
export const conditionInput = (planId: string, actionIds: string[] = []) => ({
  planId,
  ref: 'C2',
  text: 'Bring the in-year High Needs Block deficit down to the agreed trajectory',
  sourceParagraph: 'Paragraph 8',
  measureOfSuccess: 'Each quarterly forecast outturn at or below the trajectory',
  dueDate: '2027-03-31',
  actionIds,
  metricIds: [],
});

/** A plan with action 1.1 and condition C2 linked to it; with a status for 2025/26 Q4 when asked. */
async function planWithCondition(gql: Gql, planId: string, withStatus = false): Promise<{ conditionId: string; revision: number; actionId: string }> {
  const action = await planWithAction(gql, planId);
  let condition = await must<{ id: string; revision: number }>(gql(conditionMutation('addCondition', 'AddConditionInput'), { input: conditionInput(planId, [action.id]) }), 'addCondition');
  if (withStatus) {
    const input = { conditionId: condition.id, expectedRevision: condition.revision, quarter: '2025/26 Q4', status: 'NOT_ON_TRACK', commentary: 'Forecast gap of £71m' };
    condition = await must(gql(conditionMutation('recordConditionStatus', 'RecordConditionStatusInput'), { input }), 'recordConditionStatus');
  }
  return { conditionId: condition.id, revision: condition.revision, actionId: action.id };
}

const returnMutation = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { status revision } }`;
const RETURN_QUARTER = '2025/26 Q4';

/**
 * A plan created during 2025/26 Q4 (with the clock: a return is for a quarter the plan existed in),
 * with that quarter's executive summary written when `written`, and submitted for sign-off when asked.
 */
async function planWithReturn(gql: Gql, planId: string, submitted: boolean, clock?: PreparationClock, written = true): Promise<{ revision: number }> {
  const now = clock?.now();
  clock?.set('2026-03-02T10:00:00.000Z');
  await must(gql(CREATE_PLAN, { input: planInput(planId) }), 'createPlan');
  if (now) clock!.set(now);
  if (!written) return { revision: -1 };
  let summary = await must<{ revision: number }>(
    gql(returnMutation('writeExecutiveSummary', 'WriteExecutiveSummaryInput'), { input: { planId, quarter: RETURN_QUARTER, text: 'Forecast gap of £71m against a budgeted £57.5m' } }),
    'writeExecutiveSummary',
  );
  if (submitted) summary = await must(gql(returnMutation('submitQuarterlyReturn', 'QuarterlyReturnChangeInput'), { input: { planId, quarter: RETURN_QUARTER, expectedRevision: summary.revision } }), 'submitQuarterlyReturn');
  return summary;
}

const dependencyMutation = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { planId revision } }`;

/** Action 1.1 (Alex Morgan's, the matrix's owner) and 1.2 (another owner's), with 1.1 waiting for 1.2 when asked. */
async function planWithTwoActions(gql: Gql, planId: string, declared = false): Promise<{ waiting: Action; needed: Action }> {
  const waiting = await planWithAction(gql, planId);
  const other = { name: 'Sam Patel', role: 'Head of Commissioning', organisation: 'NHS Trust' };
  const needed = await must<Action>(gql(ADD_ACTION, { input: actionInput(planId, '1.2', { areaNumber: 1, owner: other }) }), 'addAction');
  const input = { planId, actionId: waiting.id, dependsOnActionId: needed.id, note: 'The new pathway needs the redesigned admissions first' };
  if (declared) await must(gql(dependencyMutation('declareDependency', 'DeclareDependencyInput'), { input }), 'declareDependency');
  return { waiting, needed };
}

async function withPendingEvidence(gql: Gql, planId: string): Promise<Action> {
  const action = await planWithAction(gql, planId);
  return must(gql(change('attachEvidence', 'AttachEvidenceInput'), { input: evidenceInput(action) }), 'attachEvidence');
}

async function withAcceptedEvidence(gql: Gql, planId: string): Promise<Action> {
  const action = await withPendingEvidence(gql, planId);
  return must(gql(change('reviewEvidence', 'ReviewEvidenceInput'), { input: acceptInput(action) }), 'reviewEvidence');
}

const evidenceInput = (action: Action) => ({
  actionId: action.id,
  expectedRevision: action.revision,
  kind: 'ACTIVITY',
  title: 'Recovery plan approved by Schools Forum',
  documentReference: 'Schools Forum 2026-05 paper 3',
  submittedBy: 'Finance Lead – High Needs',
});

const acceptInput = (action: Action) => ({
  actionId: action.id,
  expectedRevision: action.revision,
  evidenceId: action.evidence[0].id,
  decision: 'ACCEPT',
});

const completeInput = (action: Action) => ({
  actionId: action.id,
  expectedRevision: action.revision,
  commentary: 'Recovery plan in place and monitored monthly.',
  asAt: '2026-06-01',
});

const on = (mutation: MutationName, inputType: string, input: Record<string, unknown>): PreparedMutation => ({
  query: change(mutation, inputType),
  variables: { input },
});

/**
 * For each mutation: builds, in a plan of its own, the state the mutation needs to succeed (an
 * action for the tester to own, pending or accepted evidence, a completed action, a second action
 * to supersede with), then returns the request. Refusals are then down to who sends it. `app`
 * is for state no mutation makes: a reminder the sender's ledger records as sent.
 */
/** The app's clock, for the few preparations that must record something in the past (a return needs its plan to have existed in its quarter). */
export interface PreparationClock {
  now(): string;
  set(instant: string): void;
}

export const PREPARE: Record<MutationName, (gql: Gql, planId: string, app?: TestApp) => Promise<PreparedMutation>> = {
  createPlan: async (_gql, planId) => ({ query: CREATE_PLAN, variables: { input: planInput(planId) } }),
  changeStaleThreshold: async (gql, planId) => {
    await must(gql(CREATE_PLAN, { input: planInput(planId) }), 'createPlan');
    return { query: CHANGE_STALE_THRESHOLD, variables: { input: { planId, staleAfterDays: 30 } } };
  },
  setRiskEscalationThreshold: async (gql, planId) => {
    await must(gql(CREATE_PLAN, { input: planInput(planId) }), 'createPlan');
    return {
      query: `mutation ($input: SetRiskEscalationThresholdInput!) { setRiskEscalationThreshold(input: $input) { id riskEscalationScore } }`,
      variables: { input: { planId, score: 12, reason: 'The board wants the worst Amber risks on its agenda' } },
    };
  },
  addAction: async (gql, planId) => {
    await must(gql(CREATE_PLAN, { input: planInput(planId) }), 'createPlan');
    return { query: ADD_ACTION, variables: { input: actionInput(planId, '1.1', { areaNumber: 1 }) } };
  },
  reassignActionOwner: async (gql, planId) => {
    const action = await planWithAction(gql, planId);
    return on('reassignActionOwner', 'ReassignOwnerInput', {
      actionId: action.id,
      expectedRevision: action.revision,
      owner: { name: 'Jordan Lee', role: 'Head of SEND', organisation: 'Council' },
      reason: 'Moved to the SEND service',
    });
  },
  reportProgress: async (gql, planId) => {
    const action = await planWithAction(gql, planId);
    return on('reportProgress', 'ReportProgressInput', {
      actionId: action.id,
      expectedRevision: action.revision,
      rag: 'AMBER',
      commentary: 'Spend still above the grant; recovery measures agreed.',
      asAt: '2026-06-01',
    });
  },
  correctProgress: async (gql, planId) => {
    const action = await planWithAction(gql, planId);
    const reported = await must<Action>(
      gql(change('reportProgress', 'ReportProgressInput'), {
        input: { actionId: action.id, expectedRevision: action.revision, rag: 'GREEN', commentary: 'Spend within the grant.', asAt: '2026-06-01' },
      }),
      'reportProgress',
    );
    return on('correctProgress', 'CorrectProgressInput', {
      actionId: action.id,
      expectedRevision: reported.revision,
      supersedesRevision: reported.revision,
      rag: 'AMBER',
      commentary: 'Spend still above the grant; the earlier figure missed two placements.',
      asAt: '2026-06-01',
      reason: 'Two out-of-area placements were left out',
    });
  },
  rateDeliveryConfidence: async (gql, planId) => {
    const action = await planWithAction(gql, planId);
    return on('rateDeliveryConfidence', 'RateDeliveryConfidenceInput', {
      actionId: action.id,
      expectedRevision: action.revision,
      confidence: 'LOW',
      commentary: 'Spend is on plan but the deficit keeps growing.',
      asAt: '2026-06-01',
    });
  },
  addMilestone: async (gql, planId) => {
    const action = await planWithAction(gql, planId);
    return on('addMilestone', 'AddMilestoneInput', {
      actionId: action.id,
      expectedRevision: action.revision,
      title: 'Quarterly review at Schools Forum',
      dueDate: '2026-09-30',
    });
  },
  completeMilestone: async (gql, planId) => {
    const action = await planWithAction(gql, planId);
    return on('completeMilestone', 'CompleteMilestoneInput', {
      actionId: action.id,
      expectedRevision: action.revision,
      milestoneId: action.milestones[0].id,
      completedOn: '2026-06-01',
    });
  },
  rescheduleAction: async (gql, planId) => {
    const action = await planWithAction(gql, planId);
    return on('rescheduleAction', 'RescheduleActionInput', {
      actionId: action.id,
      expectedRevision: action.revision,
      dueDate: '2026-12-31',
      reason: 'Board agreed a later date',
    });
  },
  attachEvidence: async (gql, planId) => on('attachEvidence', 'AttachEvidenceInput', evidenceInput(await planWithAction(gql, planId))),
  reviewEvidence: async (gql, planId) => on('reviewEvidence', 'ReviewEvidenceInput', acceptInput(await withPendingEvidence(gql, planId))),
  completeAction: async (gql, planId) => on('completeAction', 'CompleteActionInput', completeInput(await withAcceptedEvidence(gql, planId))),
  reopenAction: async (gql, planId) => {
    const accepted = await withAcceptedEvidence(gql, planId);
    const completed = await must<Action>(gql(change('completeAction', 'CompleteActionInput'), { input: completeInput(accepted) }), 'completeAction');
    return on('reopenAction', 'ReasonedChangeInput', {
      actionId: completed.id,
      expectedRevision: completed.revision,
      reason: 'Spend rose again this quarter',
    });
  },
  withdrawAction: async (gql, planId) => {
    const action = await planWithAction(gql, planId);
    return on('withdrawAction', 'ReasonedChangeInput', {
      actionId: action.id,
      expectedRevision: action.revision,
      reason: 'Covered by the new DSG management plan',
    });
  },
  supersedeAction: async (gql, planId) => {
    const action = await planWithAction(gql, planId);
    const successor = await must<Action>(gql(ADD_ACTION, { input: actionInput(planId, '1.2', { areaNumber: 1 }) }), 'addAction');
    return on('supersedeAction', 'SupersedeActionInput', {
      actionId: action.id,
      expectedRevision: action.revision,
      supersededByActionId: successor.id,
      reason: 'Replaced by 1.2 after the plan revision',
    });
  },
  delegateAction: async (gql, planId) => {
    const action = await planWithAction(gql, planId);
    // "member" works in the test area, so may be a delegate.
    return on('delegateAction', 'DelegationInput', { actionId: action.id, expectedRevision: action.revision, delegateUserId: 'member' });
  },
  withdrawDelegation: async (gql, planId) => {
    const action = await planWithAction(gql, planId);
    const delegation = { actionId: action.id, expectedRevision: action.revision, delegateUserId: 'member' };
    const delegated = await must<Action>(gql(change('delegateAction', 'DelegationInput'), { input: delegation }), 'delegateAction');
    return on('withdrawDelegation', 'DelegationInput', { ...delegation, expectedRevision: delegated.revision });
  },
  registerUser: async (_gql, planId) => ({
    query: REGISTER_USER,
    variables: { input: { userId: `person-${planId}`, displayName: 'Jo Example' } },
  }),
  grantRole: async (gql, planId) => ({
    query: GRANT_ROLE,
    variables: { input: { userId: await registeredPerson(gql, planId), role: 'BOARD_MEMBER', localAreaId: 'test-area' } },
  }),
  revokeRole: async (gql, planId) => {
    const grant = { userId: await registeredPerson(gql, planId), role: 'BOARD_MEMBER', localAreaId: 'test-area' };
    await must(gql(GRANT_ROLE, { input: grant }), 'grantRole');
    return { query: REVOKE_ROLE, variables: { input: grant } };
  },
  setUserEmail: async (gql, planId) => {
    const userId = await registeredPerson(gql, planId);
    await must(gql(GRANT_ROLE, { input: { userId, role: 'BOARD_MEMBER', localAreaId: 'test-area' } }), 'grantRole');
    return { query: `mutation ($input: SetUserEmailInput!) { setUserEmail(input: $input) { id email } }`, variables: { input: { userId, email: 'jo@council.example' } } };
  },
  scheduleMeeting: async (gql, planId) => {
    await must(gql(CREATE_PLAN, { input: planInput(planId) }), 'createPlan');
    return { query: SCHEDULE_MEETING, variables: { input: { planId, type: 'BOARD', date: '2026-06-01', title: 'June board' } } };
  },
  recordAttendance: async (gql, planId) => {
    const { meetingId } = await heldMeeting(gql, planId);
    return {
      query: meetingMutation('recordAttendance', 'RecordAttendanceInput'),
      variables: { input: { meetingId, attendees: [{ name: 'Prof. Judith Ashworth', capacity: 'Independent chair' }] } },
    };
  },
  recordDecision: async (gql, planId) => {
    const { meetingId, action } = await heldMeeting(gql, planId);
    return {
      query: meetingMutation('recordDecision', 'RecordDecisionInput'),
      variables: { input: { meetingId, actionId: action.id, kind: 'ESCALATED', summary: 'Escalated to the DfE adviser' } },
    };
  },
  closeMeeting: async (gql, planId) => {
    const { meetingId } = await heldMeeting(gql, planId);
    return { query: meetingMutation('closeMeeting', 'CloseMeetingInput'), variables: { input: { meetingId } } };
  },
  openUpdateRound: async (gql, planId) => {
    await must(gql(CREATE_PLAN, { input: planInput(planId) }), 'createPlan');
    return { query: OPEN_ROUND, variables: { input: { planId, title: 'Updates for the board', deadline: '2026-07-01' } } };
  },
  closeUpdateRound: async (gql, planId) => {
    await must(gql(CREATE_PLAN, { input: planInput(planId) }), 'createPlan');
    const round = await must<{ id: string }>(gql(OPEN_ROUND, { input: { planId, title: 'Updates for the board', deadline: '2026-07-01' } }), 'openUpdateRound');
    return { query: `mutation ($input: CloseUpdateRoundInput!) { closeUpdateRound(input: $input) { id } }`, variables: { input: { planId, roundId: round.id } } };
  },
  defineMetric: async (gql, planId) => {
    await must(gql(CREATE_PLAN, { input: planInput(planId) }), 'createPlan');
    return { query: metricMutation('defineMetric', 'DefineMetricInput'), variables: { input: { planId, code: 'mainstream', ...METRIC_DEFINITION } } };
  },
  reviseMetric: async (gql, planId) => {
    const { metricId } = await planWithMetric(gql, planId);
    return { query: metricMutation('reviseMetric', 'ReviseMetricInput'), variables: { input: { metricId, ...METRIC_DEFINITION, source: 'SEN2 return', reason: 'Named the return' } } };
  },
  setMetricTarget: async (gql, planId) => {
    const { metricId } = await planWithMetric(gql, planId);
    return { query: metricMutation('setMetricTarget', 'SetMetricTargetInput'), variables: { input: { metricId, period: '2026-03', target: 45, amberTolerance: 2 } } };
  },
  recordMeasurement: async (gql, planId) => {
    const { metricId } = await planWithMetric(gql, planId);
    return {
      query: metricMutation('recordMeasurement', 'RecordMeasurementInput'),
      variables: { input: { metricId, period: '2025-09', value: 41.4, asAt: '2025-09-30', source: 'SEN2' } },
    };
  },
  correctMeasurement: async (gql, planId) => {
    const { metricId, measurementId } = await planWithMetric(gql, planId);
    return {
      query: metricMutation('correctMeasurement', 'CorrectMeasurementInput'),
      variables: { input: { metricId, supersedesMeasurementId: measurementId, value: 39.9, asAt: '2025-02-28', source: 'SEN2', reason: 'Revised return' } },
    };
  },
  recordComparator: async (gql, planId) => {
    const { metricId } = await planWithMetric(gql, planId);
    return {
      query: metricMutation('recordComparator', 'RecordComparatorInput'),
      variables: { input: { metricId, period: '2025-02', comparator: 'ENGLAND', value: 40.2, source: 'DfE' } },
    };
  },
  importMeasurements: async (gql, planId) => {
    await planWithMetric(gql, planId);
    const csv = `metric,period,value,as_at,source,provisional\n${METRIC_DEFINITION.name},2025-03,40,2025-03-31,SEN2,no`;
    return {
      query: `mutation ($input: ImportMeasurementsInput!) { importMeasurements(input: $input) { imported errors { row message } } }`,
      variables: { input: { planId, csv, dryRun: false } },
    };
  },
  raiseRisk: async (gql, planId) => {
    const action = await planWithAction(gql, planId);
    return { query: riskMutation('raiseRisk', 'RaiseRiskInput'), variables: { input: riskInput(planId, [action.id]) } };
  },
  rescoreRisk: async (gql, planId) => {
    const { riskId, revision } = await planWithRisk(gql, planId);
    return { query: riskMutation('rescoreRisk', 'RescoreRiskInput'), variables: { input: { riskId, expectedRevision: revision, current: { likelihood: 4, impact: 4 }, commentary: 'Capital bid delayed', asAt: '2026-06-01' } } };
  },
  changeRiskLinks: async (gql, planId) => {
    const { riskId, revision } = await planWithRisk(gql, planId);
    return { query: riskMutation('changeRiskLinks', 'ChangeRiskLinksInput'), variables: { input: { riskId, expectedRevision: revision, areaNumbers: [1, 2], priorityNumbers: [], actionIds: [] } } };
  },
  reviseRiskTarget: async (gql, planId) => {
    const { riskId, revision } = await planWithRisk(gql, planId);
    return { query: riskMutation('reviseRiskTarget', 'ReviseRiskTargetInput'), variables: { input: { riskId, expectedRevision: revision, target: { likelihood: 2, impact: 4, byDate: '2027-09-30' }, reason: 'Capital bid a year late' } } };
  },
  setRiskReviewDate: async (gql, planId) => {
    const { riskId, revision } = await planWithRisk(gql, planId);
    return { query: riskMutation('setRiskReviewDate', 'SetRiskReviewDateInput'), variables: { input: { riskId, expectedRevision: revision, reviewDate: '2026-07-15' } } };
  },
  addMitigation: async (gql, planId) => {
    const { riskId, revision } = await planWithRisk(gql, planId);
    return {
      query: riskMutation('addMitigation', 'AddMitigationInput'),
      variables: { input: { riskId, expectedRevision: revision, description: 'Co-locate specialist provision on mainstream sites', owner: { name: 'Sam Patel', role: 'SEND and AP Lead', organisation: 'Council' }, dueDate: '2026-12-31' } },
    };
  },
  changeMitigationStatus: async (gql, planId) => {
    const { riskId, revision, mitigationId } = await riskWithMitigation(gql, planId);
    return { query: riskMutation('changeMitigationStatus', 'ChangeMitigationStatusInput'), variables: { input: { riskId, expectedRevision: revision, mitigationId, status: 'IN_PROGRESS', commentary: 'Panel met twice' } } };
  },
  reassignRiskOwner: async (gql, planId) => {
    const { riskId, revision } = await planWithRisk(gql, planId);
    return {
      query: riskMutation('reassignRiskOwner', 'ReassignRiskOwnerInput'),
      variables: { input: { riskId, expectedRevision: revision, owner: { name: 'Jordan Lee', role: 'Head of SEND', organisation: 'Council' }, reason: 'Sufficiency moved to the SEND service' } },
    };
  },
  closeRisk: async (gql, planId) => {
    const { riskId, revision } = await planWithRisk(gql, planId);
    return { query: riskMutation('closeRisk', 'CloseRiskInput'), variables: { input: { riskId, expectedRevision: revision, reason: 'Capital bid approved' } } };
  },
  recordRiskAsIssue: async (gql, planId) => {
    const { riskId, revision } = await planWithRisk(gql, planId);
    return { query: riskMutation('recordRiskAsIssue', 'RecordRiskAsIssueInput'), variables: { input: { riskId, expectedRevision: revision, commentary: 'Twelve children placed out of area this term' } } };
  },
  raiseChallenge: async (gql, planId) => {
    const action = await planWithAction(gql, planId);
    return { query: challengeMutation('raiseChallenge', 'RaiseChallengeInput'), variables: { input: { planId, subjectKind: 'ACTION', subjectId: action.id, question: 'Why is 1.1 Green with no evidence accepted?' } } };
  },
  answerChallenge: async (gql, planId) => {
    const { challengeId } = await planWithChallenge(gql, planId);
    return { query: challengeMutation('answerChallenge', 'AnswerChallengeInput'), variables: { input: { challengeId, answer: 'The evidence goes to the next board.' } } };
  },
  followUpChallenge: async (gql, planId) => {
    const { challengeId } = await planWithChallenge(gql, planId, true);
    return { query: challengeMutation('followUpChallenge', 'FollowUpChallengeInput'), variables: { input: { challengeId, question: 'Show the board the figures.' } } };
  },
  resolveChallenge: async (gql, planId) => {
    const { challengeId } = await planWithChallenge(gql, planId, true);
    return { query: challengeMutation('resolveChallenge', 'ResolveChallengeInput'), variables: { input: { challengeId, note: 'Satisfied' } } };
  },
  declareDependency: async (gql, planId) => {
    const { waiting, needed } = await planWithTwoActions(gql, planId);
    return { query: dependencyMutation('declareDependency', 'DeclareDependencyInput'), variables: { input: { planId, actionId: waiting.id, dependsOnActionId: needed.id, note: 'Needs the redesign first' } } };
  },
  removeDependency: async (gql, planId) => {
    const { waiting, needed } = await planWithTwoActions(gql, planId, true);
    return { query: dependencyMutation('removeDependency', 'RemoveDependencyInput'), variables: { input: { planId, actionId: waiting.id, dependsOnActionId: needed.id, reason: 'They can run side by side' } } };
  },
  recordPlanDecision: async (gql, planId) => {
    const { meetingId } = await heldMeeting(gql, planId);
    return { query: meetingMutation('recordPlanDecision', 'RecordPlanDecisionInput'), variables: { input: { meetingId, kind: 'AGREED', summary: 'A deep dive on sufficiency every quarter' } } };
  },
  raiseFollowUp: async (gql, planId) => {
    const { meetingId } = await heldMeeting(gql, planId);
    return {
      query: followUpMutation('raiseFollowUp', 'RaiseFollowUpInput'),
      variables: { input: { meetingId, description: 'Invite the parent carer forum chair', ownedBy: { name: 'Claire Benson', role: 'Co-chair', organisation: 'Parent Carer Forum' }, dueDate: '2026-07-13' } },
    };
  },
  updateFollowUp: async (gql, planId) => {
    const { followUpId } = await meetingWithFollowUp(gql, planId);
    return { query: followUpMutation('updateFollowUp', 'UpdateFollowUpInput'), variables: { input: { followUpId, note: 'Draft with the BI team', dueDate: '2026-08-10' } } };
  },
  completeFollowUp: async (gql, planId) => {
    const { followUpId } = await meetingWithFollowUp(gql, planId);
    return { query: followUpMutation('completeFollowUp', 'CloseFollowUpInput'), variables: { input: { followUpId, note: 'Presented at the July board' } } };
  },
  dropFollowUp: async (gql, planId) => {
    const { followUpId } = await meetingWithFollowUp(gql, planId);
    return { query: followUpMutation('dropFollowUp', 'CloseFollowUpInput'), variables: { input: { followUpId, note: 'Covered by action 1.1' } } };
  },
  // An owner of their own in each cell, so one cell's rename changes nothing another reads.
  renameOwner: async (gql, planId) => {
    await must(gql(CREATE_PLAN, { input: planInput(planId) }), 'createPlan');
    const owner = { name: `Pat ${planId}`, role: 'Head of SEND', organisation: 'Council' };
    const action = await must<Action>(gql(ADD_ACTION, { input: actionInput(planId, '1.1', { areaNumber: 1, owner }) }), 'addAction');
    return { query: `mutation ($input: RenameOwnerInput!) { renameOwner(input: $input) { id name } }`, variables: { input: { ownerId: action.owner.id, name: `Pat Renamed ${planId}` } } };
  },
  linkUserToOwner: async (gql, planId) => {
    const userId = await registeredPerson(gql, planId);
    await must(gql(GRANT_ROLE, { input: { userId, role: 'ACTION_OWNER', localAreaId: 'test-area' } }), 'grantRole');
    const action = await planWithAction(gql, planId);
    return { query: `mutation ($input: LinkUserToOwnerInput!) { linkUserToOwner(input: $input) { id ownerId } }`, variables: { input: { userId, ownerId: action.owner.id } } };
  },
  startHighNeedsPosition: async (gql, planId) => {
    await must(gql(CREATE_PLAN, { input: planInput(planId) }), 'createPlan');
    return { query: highNeedsMutation('startHighNeedsPosition', 'StartHighNeedsPositionInput'), variables: { input: { planId, firstYear: '2025/26', openingCumulativeDeficit: '113257000' } } };
  },
  setHighNeedsYear: async (gql, planId) => {
    const { revision } = await planWithHighNeeds(gql, planId, false);
    return { query: highNeedsMutation('setHighNeedsYear', 'SetHighNeedsYearInput'), variables: { input: { planId, expectedRevision: revision, year: '2025/26', dsgAllocation: '380000000', budget: '437500000' } } };
  },
  recordHighNeedsForecast: async (gql, planId) => {
    const { revision } = await planWithHighNeeds(gql, planId, true);
    return {
      query: highNeedsMutation('recordHighNeedsForecast', 'RecordHighNeedsForecastInput'),
      variables: { input: { planId, expectedRevision: revision, period: '2025/26 Q2', forecastOutturn: '451000000', commentary: 'Independent placements above plan' } },
    };
  },
  setDeficitTrajectory: async (gql, planId) => {
    const { revision } = await planWithHighNeeds(gql, planId, false);
    return {
      query: highNeedsMutation('setDeficitTrajectory', 'SetDeficitTrajectoryInput'),
      variables: { input: { planId, expectedRevision: revision, year: '2025/26', cumulativeDeficit: '183000000', amberTolerance: '5000000', reason: 'Recovery plan agreed with the DfE' } },
    };
  },
  addCondition: async (gql, planId) => {
    const action = await planWithAction(gql, planId);
    return { query: conditionMutation('addCondition', 'AddConditionInput'), variables: { input: conditionInput(planId, [action.id]) } };
  },
  reviseConditionWording: async (gql, planId) => {
    const { conditionId, revision } = await planWithCondition(gql, planId);
    const { text, sourceParagraph, measureOfSuccess } = conditionInput(planId);
    return {
      query: conditionMutation('reviseConditionWording', 'ReviseConditionWordingInput'),
      variables: { input: { conditionId, expectedRevision: revision, text, sourceParagraph, measureOfSuccess, dueDate: '2027-06-30', reason: 'Varied by the DfE' } },
    };
  },
  recordConditionStatus: async (gql, planId) => {
    const { conditionId, revision } = await planWithCondition(gql, planId);
    return {
      query: conditionMutation('recordConditionStatus', 'RecordConditionStatusInput'),
      variables: { input: { conditionId, expectedRevision: revision, quarter: '2025/26 Q4', status: 'ON_TRACK', commentary: 'On trajectory' } },
    };
  },
  approveConditionStatus: async (gql, planId) => {
    const { conditionId, revision } = await planWithCondition(gql, planId, true);
    return { query: conditionMutation('approveConditionStatus', 'ApproveConditionStatusInput'), variables: { input: { conditionId, expectedRevision: revision, quarter: '2025/26 Q4', version: 1 } } };
  },
  linkToCondition: async (gql, planId) => {
    const { conditionId, revision } = await planWithCondition(gql, planId);
    const second = await must<Action>(gql(ADD_ACTION, { input: actionInput(planId, '1.2', { areaNumber: 1 }) }), 'addAction');
    return { query: conditionMutation('linkToCondition', 'ConditionLinkInput'), variables: { input: { conditionId, expectedRevision: revision, actionId: second.id } } };
  },
  unlinkFromCondition: async (gql, planId) => {
    const { conditionId, revision, actionId } = await planWithCondition(gql, planId);
    return { query: conditionMutation('unlinkFromCondition', 'ConditionLinkInput'), variables: { input: { conditionId, expectedRevision: revision, actionId } } };
  },
  setActionFunding: async (gql, planId) => {
    const action = await planWithAction(gql, planId);
    const input = { planId, actionId: action.id, plannedCost: '143000', expectedSavings: '400000', fundingSource: 'SEND Intervention Fund', savingsPriority: 2 };
    return { query: fundingMutation('setActionFunding', 'SetActionFundingInput'), variables: { input } };
  },
  recordActionSpend: async (gql, planId) => {
    const { actionId, revision } = await actionWithFunding(gql, planId);
    const input = { planId, actionId, expectedRevision: revision, spendToDate: '90000', asOfDate: '2026-06-01', commentary: 'Seconded school leader, two terms' };
    return { query: fundingMutation('recordActionSpend', 'RecordActionSpendInput'), variables: { input } };
  },
  recordSavingsEvidenced: async (gql, planId) => {
    const { actionId, revision } = await actionWithFunding(gql, planId);
    const input = { planId, actionId, expectedRevision: revision, year: '2025/26', savings: '120000', evidence: 'Placement panel minutes', asOfDate: '2026-03-31' };
    return { query: fundingMutation('recordSavingsEvidenced', 'RecordSavingsEvidencedInput'), variables: { input } };
  },
  setPrioritySavingsTarget: async (gql, planId) => {
    await must(gql(CREATE_PLAN, { input: planInput(planId) }), 'createPlan');
    const input = { planId, priorityNumber: 5, year: '2026/27', target: '1000000', reason: 'Recovery plan agreed with the DfE' };
    return { query: fundingMutation('setPrioritySavingsTarget', 'SetPrioritySavingsTargetInput'), variables: { input } };
  },
  resendReminder: async (gql, planId, app) => {
    if (!app) throw new Error('resendReminder needs the app, to record a sent reminder as the sender does');
    await must(gql(CREATE_PLAN, { input: planInput(planId) }), 'createPlan');
    const ledger = app.app.get(ReminderLedgerService);
    const reminderId = randomUUID();
    const details = {
      reminderId,
      key: `digest:${planId}:2026-W24`,
      kind: 'WEEKLY_DIGEST' as const,
      planId,
      roundId: null,
      ownerId: null,
      addressee: 'programme office',
      recipients: ['office@council.example'],
      subject: 'SEND and AP Improvement Plan: 0 overdue actions, 0 stale (week of 8 June 2026)',
      actionRefs: [],
      messageId: `<reminder-${reminderId}@council.example>`,
    };
    const attempt = await ledger.claim(details);
    await ledger.recordSent(reminderId, attempt!, details.recipients, 'folder');
    return {
      query: `mutation ($input: ResendReminderInput!) { resendReminder(input: $input) { id status } }`,
      variables: { input: { reminderId, expectedRevision: 1, reason: 'The programme office lost the digest' } },
    };
  },
  writeExecutiveSummary: async (gql, planId, app) => {
    const clock = app?.clock;
    await planWithReturn(gql, planId, false, clock, false);
    return { query: returnMutation('writeExecutiveSummary', 'WriteExecutiveSummaryInput'), variables: { input: { planId, quarter: RETURN_QUARTER, text: 'Q4: the deficit recovery plan is agreed' } } };
  },
  submitQuarterlyReturn: async (gql, planId, app) => {
    const clock = app?.clock;
    const { revision } = await planWithReturn(gql, planId, false, clock);
    return { query: returnMutation('submitQuarterlyReturn', 'QuarterlyReturnChangeInput'), variables: { input: { planId, quarter: RETURN_QUARTER, expectedRevision: revision } } };
  },
  signOffQuarterlyReturn: async (gql, planId, app) => {
    const clock = app?.clock;
    const { revision } = await planWithReturn(gql, planId, true, clock);
    return { query: returnMutation('signOffQuarterlyReturn', 'QuarterlyReturnChangeInput'), variables: { input: { planId, quarter: RETURN_QUARTER, expectedRevision: revision } } };
  },
  acknowledgeHistoryBreak: async (gql, planId, app) => {
    if (!app) throw new Error('acknowledgeHistoryBreak needs the app, to record a break as its history check does');
    await must(gql(CREATE_PLAN, { input: planInput(planId) }), 'createPlan');
    // A break recorded as the check records one, without breaking this suite's store: who may acknowledge is what is tested here.
    const position = String(1_000_000 + Math.floor(Math.random() * 1_000_000_000));
    const breakId = `${position}-edited`;
    await app.app.get(HistoryBreakCommands).record({ breakId, kind: 'EDITED', position, streamId: null, revision: null, eventId: null, message: 'The event no longer matches its hash.' });
    return {
      query: `mutation ($input: AcknowledgeHistoryBreakInput!) { acknowledgeHistoryBreak(input: $input) { status writesRefused } }`,
      variables: { input: { planId, breakId, expectedRevision: 0, reason: 'Reported to the security team; restoring tonight' } },
    };
  },
};
