import { ForbiddenError } from './access.errors';
import { ACCESS_RULES, authorizeCommand, canSeeArea, rolesIn } from './access-policy';
import { Principal } from './principal';
import { Role, ROLES } from './roles';

type CommandType = keyof typeof ACCESS_RULES;

const AREA = 'dorset';
const OTHER_AREA = 'poole';
const MY_OWNER_ID = 'owner-alex';
const SOMEONE_ELSES_OWNER_ID = 'owner-sam';

const principal = (roles: Role[], options: { ownerId?: string | null; area?: string } = {}): Principal => ({
  userId: 'u1',
  displayName: 'Alex Morgan',
  ownerId: options.ownerId === undefined ? MY_OWNER_ID : options.ownerId,
  grants: roles.map((role) => ({ role, localAreaId: options.area ?? AREA })),
});

function refusal(authorize: () => unknown): ForbiddenError {
  try {
    authorize();
  } catch (error) {
    if (error instanceof ForbiddenError) return error;
    throw error;
  }
  throw new Error('expected the command to be refused');
}

/**
 * Written out by hand from the role descriptions rather than read from ACCESS_RULES, so a change
 * to the rules has to change this table too. `own` lists who may act only on actions they own.
 */
const EXPECTED: Record<CommandType, { any: Role[]; own: Role[] }> = {
  CreatePlan: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  ApprovePlanRevision: { any: ['PLAN_ADMINISTRATOR', 'BOARD_CHAIR'], own: [] },
  ChangeStaleThreshold: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  // The board chair (or the programme office for them) sets which risks reach the agenda.
  SetRiskEscalationThreshold: { any: ['PLAN_ADMINISTRATOR', 'BOARD_CHAIR'], own: [] },
  SetUserEmail: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  LinkUserToOwner: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  RenameOwner: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  AddAction: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  ReassignOwner: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  WithdrawAction: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  SupersedeAction: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  DelegateAction: { any: ['PLAN_ADMINISTRATOR'], own: ['ACTION_OWNER'] },
  WithdrawDelegation: { any: ['PLAN_ADMINISTRATOR'], own: ['ACTION_OWNER'] },
  // "Only board roles can record meetings and decisions."
  ScheduleMeeting: { any: ['BOARD_CHAIR', 'BOARD_MEMBER'], own: [] },
  // The programme office opens update rounds.
  OpenUpdateRound: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  CloseUpdateRound: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  RecordAttendance: { any: ['BOARD_CHAIR', 'BOARD_MEMBER'], own: [] },
  RecordDecision: { any: ['BOARD_CHAIR', 'BOARD_MEMBER'], own: [] },
  CloseMeeting: { any: ['BOARD_CHAIR', 'BOARD_MEMBER'], own: [] },
  RescheduleDueDate: { any: ['PLAN_ADMINISTRATOR', 'BOARD_CHAIR', 'BOARD_MEMBER'], own: [] },
  AddMilestone: { any: ['PLAN_ADMINISTRATOR'], own: ['ACTION_OWNER'] },
  CompleteMilestone: { any: ['PLAN_ADMINISTRATOR'], own: ['ACTION_OWNER'] },
  ReportProgress: { any: [], own: ['ACTION_OWNER'] },
  CorrectProgress: { any: ['PLAN_ADMINISTRATOR'], own: ['ACTION_OWNER'] },
  // Delivery confidence: the action's owner (and delegates) for their own action, and the board
  // for any; not the programme office, and not the DfE adviser, who reads it.
  RateDeliveryConfidence: { any: ['BOARD_CHAIR', 'BOARD_MEMBER'], own: ['ACTION_OWNER'] },
  AttachEvidence: { any: [], own: ['ACTION_OWNER'] },
  ReviewEvidence: { any: ['BOARD_CHAIR', 'BOARD_MEMBER'], own: [] },
  MarkComplete: { any: ['BOARD_CHAIR', 'BOARD_MEMBER'], own: [] },
  ReopenAction: { any: ['BOARD_CHAIR', 'BOARD_MEMBER'], own: [] },
  RegisterUser: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  GrantRole: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  RevokeRole: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  // The programme office keeps the scorecard.
  DefineMetric: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  ReviseMetric: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  SetTarget: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  RecordMeasurement: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  CorrectMeasurement: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  RecordComparator: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  // Importing the plan's spreadsheet is the programme office's; owners and the adviser may not.
  ImportPlan: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  // Risks: anyone on the board or in the programme office may raise one and say it has happened;
  // its owner re-scores it, sets when it is next reviewed and works its mitigations; only the
  // board closes it or moves its target; the programme office keeps its links to the plan.
  RaiseRisk: { any: ['PLAN_ADMINISTRATOR', 'BOARD_CHAIR', 'BOARD_MEMBER'], own: [] },
  RescoreRisk: { any: ['PLAN_ADMINISTRATOR'], own: ['ACTION_OWNER'] },
  ChangeRiskLinks: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  ReviseRiskTarget: { any: ['PLAN_ADMINISTRATOR', 'BOARD_CHAIR', 'BOARD_MEMBER'], own: [] },
  SetRiskReviewDate: { any: ['PLAN_ADMINISTRATOR'], own: ['ACTION_OWNER'] },
  AddMitigation: { any: ['PLAN_ADMINISTRATOR'], own: ['ACTION_OWNER'] },
  ChangeMitigationStatus: { any: ['PLAN_ADMINISTRATOR'], own: ['ACTION_OWNER'] },
  ReassignRiskOwner: { any: ['PLAN_ADMINISTRATOR', 'BOARD_CHAIR', 'BOARD_MEMBER'], own: [] },
  CloseRisk: { any: ['BOARD_CHAIR', 'BOARD_MEMBER'], own: [] },
  RecordRiskAsIssue: { any: ['PLAN_ADMINISTRATOR', 'BOARD_CHAIR', 'BOARD_MEMBER'], own: [] },
  AddCondition: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  ReviseConditionWording: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  RecordConditionStatus: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  ApproveConditionStatus: { any: ['BOARD_CHAIR'], own: [] },
  LinkToCondition: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  UnlinkFromCondition: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  // Money on actions: the finance lead (programme office) keeps the figures; an action's owner
  // records what has been spent on their own action, and nothing else of its money.
  SetActionFunding: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  RecordActionSpend: { any: ['PLAN_ADMINISTRATOR'], own: ['ACTION_OWNER'] },
  RecordSavingsEvidenced: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  SetPrioritySavingsTarget: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  // The quarterly return: the programme office writes and submits, only the chair signs off, the DfE adviser reads.
  WriteExecutiveSummary: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  SubmitQuarterlyReturn: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  SignOffQuarterlyReturn: { any: ['BOARD_CHAIR'], own: [] },
  // Challenge and response: the board and the DfE adviser ask (a question changes nothing in the
  // plan); the owner of the action or risk answers, or the programme office; the board resolves.
  RaiseChallenge: { any: ['BOARD_CHAIR', 'BOARD_MEMBER', 'DFE_ADVISER'], own: [] },
  FollowUpChallenge: { any: ['BOARD_CHAIR', 'BOARD_MEMBER', 'DFE_ADVISER'], own: [] },
  AnswerChallenge: { any: ['PLAN_ADMINISTRATOR'], own: ['ACTION_OWNER'] },
  ResolveChallenge: { any: ['BOARD_CHAIR', 'BOARD_MEMBER'], own: [] },
  // Dependencies: the programme office, or the owner of the action that waits.
  DeclareDependency: { any: ['PLAN_ADMINISTRATOR'], own: ['ACTION_OWNER'] },
  RemoveDependency: { any: ['PLAN_ADMINISTRATOR'], own: ['ACTION_OWNER'] },
  // The board's own working tools: decisions about the plan or a risk, and its action log. The
  // person a follow-up names (by user id) reports on it or completes it; only the board drops one.
  RecordPlanDecision: { any: ['BOARD_CHAIR', 'BOARD_MEMBER'], own: [] },
  RaiseFollowUp: { any: ['BOARD_CHAIR', 'BOARD_MEMBER'], own: [] },
  UpdateFollowUp: { any: ['BOARD_CHAIR', 'BOARD_MEMBER'], own: ['ACTION_OWNER', 'PLAN_ADMINISTRATOR'] },
  CompleteFollowUp: { any: ['BOARD_CHAIR', 'BOARD_MEMBER'], own: ['ACTION_OWNER', 'PLAN_ADMINISTRATOR'] },
  DropFollowUp: { any: ['BOARD_CHAIR', 'BOARD_MEMBER'], own: [] },
  // The finance lead sits in the programme office; the board and the DfE adviser read the position.
  StartHighNeedsPosition: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  SetHighNeedsYear: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  RecordHighNeedsForecast: { any: ['PLAN_ADMINISTRATOR'], own: [] },
  SetDeficitTrajectory: { any: ['PLAN_ADMINISTRATOR'], own: [] },
};

const commandTypes = Object.keys(EXPECTED) as CommandType[];
const cases = commandTypes.flatMap((command) => ROLES.map((role) => [command, role] as const));

describe('ACCESS_RULES', () => {
  it('has a rule for exactly the commands in the expected table', () => {
    expect(Object.keys(ACCESS_RULES).sort()).toEqual([...commandTypes].sort());
  });

  it('puts the DfE adviser in no rule but asking the board a question and following it up', () => {
    const adviserMay = Object.entries(ACCESS_RULES)
      .filter(([, rule]) => [...rule.roles, ...(rule.ownRoles ?? [])].includes('DFE_ADVISER'))
      .map(([command]) => command);
    expect(adviserMay.sort()).toEqual(['FollowUpChallenge', 'RaiseChallenge']);
  });
});

describe('authorizeCommand, one role at a time', () => {
  it.each(cases)('%s by %s on an action someone else owns', (command, role) => {
    const authorize = () => authorizeCommand(principal([role]), command, AREA, SOMEONE_ELSES_OWNER_ID);
    if (EXPECTED[command].any.includes(role)) expect(authorize()).toBe(role);
    else expect(refusal(authorize)).toBeInstanceOf(ForbiddenError);
  });

  it.each(cases)('%s by %s on an action they own', (command, role) => {
    const authorize = () => authorizeCommand(principal([role]), command, AREA, MY_OWNER_ID);
    if (EXPECTED[command].any.includes(role) || EXPECTED[command].own.includes(role)) expect(authorize()).toBe(role);
    else expect(refusal(authorize)).toBeInstanceOf(ForbiddenError);
  });

  it.each(cases)('%s by %s with no action in question', (command, role) => {
    const authorize = () => authorizeCommand(principal([role]), command, AREA);
    if (EXPECTED[command].any.includes(role)) expect(authorize()).toBe(role);
    else expect(refusal(authorize)).toBeInstanceOf(ForbiddenError);
  });
});

describe('owner-only commands', () => {
  it.each(['ReportProgress', 'AttachEvidence'] as const)('%s: allowed for the owner of the action', (command) => {
    expect(authorizeCommand(principal(['ACTION_OWNER']), command, AREA, MY_OWNER_ID)).toBe('ACTION_OWNER');
  });

  it.each(['ReportProgress', 'AttachEvidence'] as const)('%s: refused on another owner’s action', (command) => {
    expect(refusal(() => authorizeCommand(principal(['ACTION_OWNER']), command, AREA, SOMEONE_ELSES_OWNER_ID))).toBeInstanceOf(
      ForbiddenError,
    );
  });

  it.each(['ReportProgress', 'AttachEvidence'] as const)('%s: refused when the user acts as no owner', (command) => {
    const noOwner = principal(['ACTION_OWNER'], { ownerId: null });
    expect(refusal(() => authorizeCommand(noOwner, command, AREA, SOMEONE_ELSES_OWNER_ID))).toBeInstanceOf(ForbiddenError);
    expect(refusal(() => authorizeCommand(noOwner, command, AREA))).toBeInstanceOf(ForbiddenError);
  });

  it.each(['ReportProgress', 'AttachEvidence'] as const)('%s: refused when no action owner is given', (command) => {
    expect(refusal(() => authorizeCommand(principal(['ACTION_OWNER']), command, AREA))).toBeInstanceOf(ForbiddenError);
  });

  it.each(['ReportProgress', 'AttachEvidence'] as const)('%s: not even the programme office or the board may do it', (command) => {
    const everyoneButOwner = principal(['PLAN_ADMINISTRATOR', 'BOARD_CHAIR', 'BOARD_MEMBER', 'DFE_ADVISER']);
    expect(refusal(() => authorizeCommand(everyoneButOwner, command, AREA, MY_OWNER_ID))).toBeInstanceOf(ForbiddenError);
  });
});

describe('spend to date on an action', () => {
  it('the owner records it on their own action, and on no other; the DfE adviser never', () => {
    expect(authorizeCommand(principal(['ACTION_OWNER']), 'RecordActionSpend', AREA, MY_OWNER_ID)).toBe('ACTION_OWNER');
    expect(refusal(() => authorizeCommand(principal(['ACTION_OWNER']), 'RecordActionSpend', AREA, SOMEONE_ELSES_OWNER_ID)).message).toMatch(/the action's owner/);
    expect(refusal(() => authorizeCommand(principal(['DFE_ADVISER']), 'RecordActionSpend', AREA, MY_OWNER_ID))).toBeInstanceOf(ForbiddenError);
  });

  it('a delegate records it for the owner', () => {
    expect(authorizeCommand(principal(['ACTION_OWNER'], { ownerId: null }), 'RecordActionSpend', AREA, SOMEONE_ELSES_OWNER_ID, ['u1'])).toBe('ACTION_OWNER');
  });

  it.each(['SetActionFunding', 'RecordSavingsEvidenced', 'SetPrioritySavingsTarget'] as const)('%s stays with the programme office, even on the owner’s own action', (command) => {
    expect(refusal(() => authorizeCommand(principal(['ACTION_OWNER', 'BOARD_CHAIR']), command, AREA, MY_OWNER_ID))).toBeInstanceOf(ForbiddenError);
    expect(authorizeCommand(principal(['PLAN_ADMINISTRATOR']), command, AREA)).toBe('PLAN_ADMINISTRATOR');
  });
});

describe("a follow-up's owner", () => {
  // The follow-up names its owner by user id; the API passes it where a delegate's would go.
  const named = (roles: Role[], userId = 'u1') => ({ ...principal(roles), userId });

  it.each(['UpdateFollowUp', 'CompleteFollowUp'] as const)('%s: allowed for the person it names, under the role they hold', (command) => {
    expect(authorizeCommand(named(['ACTION_OWNER']), command, AREA, undefined, ['u1'])).toBe('ACTION_OWNER');
    expect(authorizeCommand(named(['PLAN_ADMINISTRATOR']), command, AREA, undefined, ['u1'])).toBe('PLAN_ADMINISTRATOR');
  });

  it.each(['UpdateFollowUp', 'CompleteFollowUp'] as const)('%s: refused for someone else, and for the DfE adviser even when named', (command) => {
    expect(refusal(() => authorizeCommand(named(['ACTION_OWNER'], 'u2'), command, AREA, undefined, ['u1'])).message).toMatch(/the follow-up's owner/);
    expect(refusal(() => authorizeCommand(named(['DFE_ADVISER']), command, AREA, undefined, ['u1']))).toBeInstanceOf(ForbiddenError);
  });

  it('may not drop it: that is the board’s call', () => {
    expect(refusal(() => authorizeCommand(named(['ACTION_OWNER']), 'DropFollowUp', AREA, undefined, ['u1']))).toBeInstanceOf(ForbiddenError);
  });
});

describe('delivery confidence', () => {
  it("a delegate of the action may rate it, as the owner's deputy", () => {
    const delegate = principal(['ACTION_OWNER'], { ownerId: null });
    expect(authorizeCommand(delegate, 'RateDeliveryConfidence', AREA, SOMEONE_ELSES_OWNER_ID, ['u1'])).toBe('ACTION_OWNER');
    expect(refusal(() => authorizeCommand(delegate, 'RateDeliveryConfidence', AREA, SOMEONE_ELSES_OWNER_ID, ['u2']))).toBeInstanceOf(ForbiddenError);
  });

  it('says who may rate it when the programme office tries', () => {
    expect(refusal(() => authorizeCommand(principal(['PLAN_ADMINISTRATOR']), 'RateDeliveryConfidence', AREA, SOMEONE_ELSES_OWNER_ID)).message).toBe(
      "You may not rate this action's delivery confidence: only board chair or board member or the action's owner may",
    );
  });
});

describe('local areas', () => {
  it('does not count roles held in another local area', () => {
    const elsewhere = principal([...ROLES], { area: OTHER_AREA });
    for (const command of commandTypes) {
      expect(refusal(() => authorizeCommand(elsewhere, command, AREA, MY_OWNER_ID))).toBeInstanceOf(ForbiddenError);
    }
  });

  it('counts only the grants in the area asked about when a person holds roles in several', () => {
    const mixed: Principal = {
      ...principal([]),
      grants: [
        { role: 'BOARD_MEMBER', localAreaId: AREA },
        { role: 'PLAN_ADMINISTRATOR', localAreaId: OTHER_AREA },
      ],
    };
    expect(rolesIn(mixed, AREA)).toEqual(['BOARD_MEMBER']);
    expect(authorizeCommand(mixed, 'MarkComplete', AREA)).toBe('BOARD_MEMBER');
    expect(refusal(() => authorizeCommand(mixed, 'AddAction', AREA))).toBeInstanceOf(ForbiddenError);
    expect(authorizeCommand(mixed, 'AddAction', OTHER_AREA)).toBe('PLAN_ADMINISTRATOR');
  });

  it('canSeeArea is true with any role in the area and false with none there', () => {
    for (const role of ROLES) expect(canSeeArea(principal([role]), AREA)).toBe(true);
    expect(canSeeArea(principal(['PLAN_ADMINISTRATOR'], { area: OTHER_AREA }), AREA)).toBe(false);
    expect(canSeeArea(principal([]), AREA)).toBe(false);
  });
});

describe('the DfE adviser', () => {
  it('is refused every command but asking a question, even on an action linked to their own owner id', () => {
    const adviser = principal(['DFE_ADVISER']);
    const questions: CommandType[] = ['RaiseChallenge', 'FollowUpChallenge'];
    for (const command of commandTypes.filter((c) => !questions.includes(c))) {
      expect(refusal(() => authorizeCommand(adviser, command, AREA, MY_OWNER_ID))).toBeInstanceOf(ForbiddenError);
    }
    for (const command of questions) expect(authorizeCommand(adviser, command, AREA)).toBe('DFE_ADVISER');
    expect(canSeeArea(adviser, AREA)).toBe(true);
  });
});

describe('the role recorded on the events', () => {
  it('is a role the person holds, preferring the first role the rule lists', () => {
    expect(authorizeCommand(principal(['BOARD_CHAIR']), 'ApprovePlanRevision', AREA)).toBe('BOARD_CHAIR');
    expect(authorizeCommand(principal(['BOARD_CHAIR', 'PLAN_ADMINISTRATOR']), 'ApprovePlanRevision', AREA)).toBe('PLAN_ADMINISTRATOR');
    expect(authorizeCommand(principal(['BOARD_MEMBER', 'BOARD_CHAIR']), 'MarkComplete', AREA)).toBe('BOARD_CHAIR');
  });

  it('is the general role before the owner role when both allow it', () => {
    const adminAndOwner = principal(['ACTION_OWNER', 'PLAN_ADMINISTRATOR']);
    expect(authorizeCommand(adminAndOwner, 'AddMilestone', AREA, MY_OWNER_ID)).toBe('PLAN_ADMINISTRATOR');
    expect(authorizeCommand(adminAndOwner, 'ReportProgress', AREA, MY_OWNER_ID)).toBe('ACTION_OWNER');
  });
});

describe('ForbiddenError', () => {
  it('names what was refused and who may do it, with kind "forbidden" and rule "roleAllows"', () => {
    const error = refusal(() => authorizeCommand(principal(['BOARD_MEMBER']), 'AddAction', AREA));
    expect(error).toMatchObject({ kind: 'forbidden', rule: 'roleAllows', name: 'ForbiddenError' });
    expect(error.message).toBe('You may not add an action: only plan administrator may');
    expect(error.field).toBeUndefined();
  });

  it('lists every allowed role, and the action’s owner where owners may act', () => {
    expect(refusal(() => authorizeCommand(principal(['DFE_ADVISER']), 'RescheduleDueDate', AREA)).message).toBe(
      'You may not reschedule an action: only plan administrator or board chair or board member may',
    );
    expect(refusal(() => authorizeCommand(principal(['BOARD_MEMBER']), 'AddMilestone', AREA)).message).toBe(
      "You may not add a milestone: only plan administrator or the action's owner may",
    );
    expect(refusal(() => authorizeCommand(principal(['ACTION_OWNER']), 'ReportProgress', AREA, SOMEONE_ELSES_OWNER_ID)).message).toBe(
      "You may not report progress on this action: only the action's owner may",
    );
    expect(refusal(() => authorizeCommand(principal(['ACTION_OWNER']), 'RescoreRisk', AREA, SOMEONE_ELSES_OWNER_ID)).message).toBe(
      "You may not re-score this risk: only plan administrator or the risk's owner may",
    );
    expect(refusal(() => authorizeCommand(principal(['BOARD_MEMBER']), 'AnswerChallenge', AREA, SOMEONE_ELSES_OWNER_ID)).message).toBe(
      'You may not answer this challenge: only plan administrator or the owner of the action or risk may',
    );
  });

  it('says no role may do it when the list is empty', () => {
    const error = new ForbiddenError('delete a plan', []);
    expect(error.message).toBe('No role may delete a plan');
    expect(error).toMatchObject({ kind: 'forbidden', rule: 'roleAllows' });
  });
});

describe('every refusal says what was refused, in the board’s words', () => {
  /** Written out by hand: a refusal's wording is what the person at the meeting reads. */
  const WHAT: Record<CommandType, string> = {
    CreatePlan: 'create a plan',
    ApprovePlanRevision: 'approve a plan revision',
    ChangeStaleThreshold: 'change when actions count as stale',
    OpenUpdateRound: 'open an update round',
    CloseUpdateRound: 'close an update round',
    AddAction: 'add an action',
    ReassignOwner: "reassign an action's owner",
    WithdrawAction: 'withdraw an action',
    SupersedeAction: 'supersede an action',
    DelegateAction: 'delegate this action',
    WithdrawDelegation: "withdraw this action's delegation",
    RescheduleDueDate: 'reschedule an action',
    AddMilestone: 'add a milestone',
    CompleteMilestone: 'complete a milestone',
    ReportProgress: 'report progress on this action',
    CorrectProgress: 'correct a progress update on this action',
    AttachEvidence: 'attach evidence to this action',
    RateDeliveryConfidence: "rate this action's delivery confidence",
    ReviewEvidence: 'review evidence',
    MarkComplete: 'mark an action complete',
    ReopenAction: 'reopen an action',
    RegisterUser: 'register a user',
    GrantRole: 'grant a role',
    RevokeRole: 'revoke a role',
    SetUserEmail: "change a person's email address",
    LinkUserToOwner: 'link a person to the action owner they act as',
    RenameOwner: "change an owner's name",
    ScheduleMeeting: 'schedule a board meeting',
    RecordAttendance: "record a meeting's attendance",
    RecordDecision: 'record a board decision',
    CloseMeeting: 'close a board meeting',
    DefineMetric: 'define a scorecard metric',
    ReviseMetric: 'revise a scorecard metric',
    SetTarget: "set a metric's target",
    RecordMeasurement: 'record a measurement',
    CorrectMeasurement: 'correct a measurement',
    RecordComparator: 'record a comparator figure',
    ImportPlan: 'import a plan from a spreadsheet',
    RaiseRisk: 'raise a risk',
    RescoreRisk: 're-score this risk',
    ChangeRiskLinks: 'change what a risk threatens',
    ReviseRiskTarget: "revise a risk's target",
    SetRiskReviewDate: "set this risk's review date",
    AddMitigation: 'add a mitigation to this risk',
    ChangeMitigationStatus: "change a mitigation's status",
    ReassignRiskOwner: "reassign a risk's owner",
    CloseRisk: 'close a risk',
    RecordRiskAsIssue: 'record a risk as an issue',
    AddCondition: 'add a condition to the register',
    ReviseConditionWording: "revise a condition's wording",
    RecordConditionStatus: "record a condition's status for a quarter",
    ApproveConditionStatus: "approve a condition's status for the board",
    LinkToCondition: 'link an action or metric to a condition',
    UnlinkFromCondition: 'unlink an action or metric from a condition',
    WriteExecutiveSummary: "write the quarter's executive summary",
    SubmitQuarterlyReturn: 'submit the quarterly return for sign-off',
    SignOffQuarterlyReturn: 'sign off the quarterly return',
    RaiseChallenge: 'raise a challenge',
    FollowUpChallenge: 'follow up a challenge',
    AnswerChallenge: 'answer this challenge',
    ResolveChallenge: 'resolve a challenge',
    SetRiskEscalationThreshold: "set the score at which a risk goes on the board's agenda",
    DeclareDependency: 'declare what this action depends on',
    RemoveDependency: 'remove a dependency of this action',
    RecordPlanDecision: 'record a board decision',
    RaiseFollowUp: 'record a follow-up',
    UpdateFollowUp: 'update this follow-up',
    CompleteFollowUp: 'complete this follow-up',
    DropFollowUp: 'drop a follow-up',
    StartHighNeedsPosition: 'start the High Needs Block position',
    SetHighNeedsYear: "set a year's DSG allocation and budget",
    RecordHighNeedsForecast: 'record a High Needs forecast outturn',
    SetDeficitTrajectory: "set the recovery plan's deficit trajectory",
    SetActionFunding: "set an action's planned cost, savings and funding source",
    RecordActionSpend: 'record spend to date on this action',
    RecordSavingsEvidenced: "record an action's evidenced savings",
    SetPrioritySavingsTarget: "set a recovery priority's savings target",
  };

  it('covers every command', () => {
    expect(Object.keys(WHAT).sort()).toEqual(Object.keys(ACCESS_RULES).sort());
  });

  it.each(Object.entries(WHAT) as [CommandType, string][])('%s: "You may not %s: …" for someone with no role that may', (command, what) => {
    const refused = ACCESS_RULES[command].roles.includes('DFE_ADVISER') ? 'ACTION_OWNER' : 'DFE_ADVISER';
    expect(refusal(() => authorizeCommand(principal([refused]), command, AREA, SOMEONE_ELSES_OWNER_ID)).message).toMatch(new RegExp(`^You may not ${what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: only `));
  });
});
