import { ActionCommand } from '../action/action.commands';
import { PlanCommand } from '../plan/plan.commands';
import { ForbiddenError } from './access.errors';
import { Principal } from './principal';
import { Role } from './roles';
import { UserCommand } from './user.commands';
import { MeetingCommand } from '../meeting/meeting.commands';
import { MetricCommand } from '../scorecard/metric.commands';
import { RiskCommand } from '../risk/risk.commands';
import { ChallengeCommand } from '../challenge/challenge.commands';
import { DependencyCommand } from '../dependency/dependency.commands';
import { FollowUpCommand } from '../follow-up/follow-up.commands';
import { OwnerCommand } from '../owner/owner.commands';
import { HighNeedsCommand } from '../finance/high-needs.commands';
import { ConditionCommand } from '../condition/condition.commands';
import { ActionFinanceCommand } from '../finance/action-finance.commands';
import { QuarterlyReturnCommand } from '../quarterly-return/quarterly-return.commands';

type CommandType =
  | ActionCommand['type']
  | PlanCommand['type']
  | UserCommand['type']
  | MeetingCommand['type']
  | MetricCommand['type']
  | RiskCommand['type']
  | ChallengeCommand['type']
  | DependencyCommand['type']
  | FollowUpCommand['type']
  | OwnerCommand['type']
  | HighNeedsCommand['type']
  | ConditionCommand['type']
  | ActionFinanceCommand['type']
  | QuarterlyReturnCommand['type']
  // Not a command of its own: an import sends AddAction and ReportProgress for each row, on the importer's authority.
  | 'ImportPlan';

interface Rule {
  /** Roles that may send the command for anything in their local area. */
  roles: Role[];
  /** Roles that may send it only for actions (or risks) they own. */
  ownRoles?: Role[];
  /** What an owner owns here, for the refusal's words; an action unless said. */
  owned?: 'risk' | 'subject' | 'followUp';
  /**
   * Delegates act as the owner in everything else; passing the action on is the owner's own
   * call, or a delegate could keep access through someone they chose after being withdrawn.
   */
  notByDelegates?: true;
  /** Words for the refusal message. */
  what: string;
}

const OWNER_WORDS = { action: "the action's owner", risk: "the risk's owner", subject: 'the owner of the action or risk', followUp: "the follow-up's owner" } as const;

/**
 * Who may do what, per local area. The DfE adviser reads everything in their areas and changes
 * nothing in the plan: the only rules that name them are asking a question of the board's
 * challenge threads and following it up, which record the question and change no action, risk,
 * score or decision.
 */
export const ACCESS_RULES: Record<CommandType, Rule> = {
  CreatePlan: { roles: ['PLAN_ADMINISTRATOR'], what: 'create a plan' },
  ApprovePlanRevision: { roles: ['PLAN_ADMINISTRATOR', 'BOARD_CHAIR'], what: 'approve a plan revision' },
  ChangeStaleThreshold: { roles: ['PLAN_ADMINISTRATOR'], what: 'change when actions count as stale' },
  // Which risks reach the board's agenda is the board's own call, minuted like a plan revision.
  SetRiskEscalationThreshold: { roles: ['PLAN_ADMINISTRATOR', 'BOARD_CHAIR'], what: "set the score at which a risk goes on the board's agenda" },
  OpenUpdateRound: { roles: ['PLAN_ADMINISTRATOR'], what: 'open an update round' },
  CloseUpdateRound: { roles: ['PLAN_ADMINISTRATOR'], what: 'close an update round' },
  AddAction: { roles: ['PLAN_ADMINISTRATOR'], what: 'add an action' },
  ReassignOwner: { roles: ['PLAN_ADMINISTRATOR'], what: "reassign an action's owner" },
  WithdrawAction: { roles: ['PLAN_ADMINISTRATOR'], what: 'withdraw an action' },
  SupersedeAction: { roles: ['PLAN_ADMINISTRATOR'], what: 'supersede an action' },
  DelegateAction: { roles: ['PLAN_ADMINISTRATOR'], ownRoles: ['ACTION_OWNER'], notByDelegates: true, what: 'delegate this action' },
  WithdrawDelegation: { roles: ['PLAN_ADMINISTRATOR'], ownRoles: ['ACTION_OWNER'], notByDelegates: true, what: "withdraw this action's delegation" },
  RescheduleDueDate: { roles: ['PLAN_ADMINISTRATOR', 'BOARD_CHAIR', 'BOARD_MEMBER'], what: 'reschedule an action' },
  AddMilestone: { roles: ['PLAN_ADMINISTRATOR'], ownRoles: ['ACTION_OWNER'], what: 'add a milestone' },
  CompleteMilestone: { roles: ['PLAN_ADMINISTRATOR'], ownRoles: ['ACTION_OWNER'], what: 'complete a milestone' },
  ReportProgress: { roles: [], ownRoles: ['ACTION_OWNER'], what: 'report progress on this action' },
  // The programme office keeps the record straight; the board is told, it does not restate.
  CorrectProgress: { roles: ['PLAN_ADMINISTRATOR'], ownRoles: ['ACTION_OWNER'], what: 'correct a progress update on this action' },
  // Whether the work will change outcomes is the owner's judgement and the board's; the programme
  // office keeps the record but does not judge impact.
  RateDeliveryConfidence: { roles: ['BOARD_CHAIR', 'BOARD_MEMBER'], ownRoles: ['ACTION_OWNER'], what: "rate this action's delivery confidence" },
  AttachEvidence: { roles: [], ownRoles: ['ACTION_OWNER'], what: 'attach evidence to this action' },
  ReviewEvidence: { roles: ['BOARD_CHAIR', 'BOARD_MEMBER'], what: 'review evidence' },
  MarkComplete: { roles: ['BOARD_CHAIR', 'BOARD_MEMBER'], what: 'mark an action complete' },
  ReopenAction: { roles: ['BOARD_CHAIR', 'BOARD_MEMBER'], what: 'reopen an action' },
  RegisterUser: { roles: ['PLAN_ADMINISTRATOR'], what: 'register a user' },
  GrantRole: { roles: ['PLAN_ADMINISTRATOR'], what: 'grant a role' },
  RevokeRole: { roles: ['PLAN_ADMINISTRATOR'], what: 'revoke a role' },
  SetUserEmail: { roles: ['PLAN_ADMINISTRATOR'], what: "change a person's email address" },
  // Both are identity changes: checked by authorizeIdentityChange / authorizeOwnerRename across every area involved.
  LinkUserToOwner: { roles: ['PLAN_ADMINISTRATOR'], what: 'link a person to the action owner they act as' },
  RenameOwner: { roles: ['PLAN_ADMINISTRATOR'], what: "change an owner's name" },
  ScheduleMeeting: { roles: ['BOARD_CHAIR', 'BOARD_MEMBER'], what: 'schedule a board meeting' },
  RecordAttendance: { roles: ['BOARD_CHAIR', 'BOARD_MEMBER'], what: "record a meeting's attendance" },
  RecordDecision: { roles: ['BOARD_CHAIR', 'BOARD_MEMBER'], what: 'record a board decision' },
  CloseMeeting: { roles: ['BOARD_CHAIR', 'BOARD_MEMBER'], what: 'close a board meeting' },
  RecordPlanDecision: { roles: ['BOARD_CHAIR', 'BOARD_MEMBER'], what: 'record a board decision' },
  // The meeting action log: the board asks for follow-ups; the person it names, when they sign in
  // here, reports on theirs (under the role they hold in the area), as the board may.
  RaiseFollowUp: { roles: ['BOARD_CHAIR', 'BOARD_MEMBER'], what: 'record a follow-up' },
  UpdateFollowUp: { roles: ['BOARD_CHAIR', 'BOARD_MEMBER'], ownRoles: ['ACTION_OWNER', 'PLAN_ADMINISTRATOR'], owned: 'followUp', what: 'update this follow-up' },
  CompleteFollowUp: { roles: ['BOARD_CHAIR', 'BOARD_MEMBER'], ownRoles: ['ACTION_OWNER', 'PLAN_ADMINISTRATOR'], owned: 'followUp', what: 'complete this follow-up' },
  DropFollowUp: { roles: ['BOARD_CHAIR', 'BOARD_MEMBER'], what: 'drop a follow-up' },
  // The programme office keeps the scorecard; the board reads it.
  DefineMetric: { roles: ['PLAN_ADMINISTRATOR'], what: 'define a scorecard metric' },
  ReviseMetric: { roles: ['PLAN_ADMINISTRATOR'], what: 'revise a scorecard metric' },
  SetTarget: { roles: ['PLAN_ADMINISTRATOR'], what: "set a metric's target" },
  RecordMeasurement: { roles: ['PLAN_ADMINISTRATOR'], what: 'record a measurement' },
  CorrectMeasurement: { roles: ['PLAN_ADMINISTRATOR'], what: 'correct a measurement' },
  RecordComparator: { roles: ['PLAN_ADMINISTRATOR'], what: 'record a comparator figure' },
  // The risk register: the programme office keeps it, the risk's owner re-scores it and works its
  // mitigations, the board decides when a risk is closed.
  RaiseRisk: { roles: ['PLAN_ADMINISTRATOR', 'BOARD_CHAIR', 'BOARD_MEMBER'], what: 'raise a risk' },
  RescoreRisk: { roles: ['PLAN_ADMINISTRATOR'], ownRoles: ['ACTION_OWNER'], owned: 'risk', what: 're-score this risk' },
  ChangeRiskLinks: { roles: ['PLAN_ADMINISTRATOR'], what: 'change what a risk threatens' },
  ReviseRiskTarget: { roles: ['PLAN_ADMINISTRATOR', 'BOARD_CHAIR', 'BOARD_MEMBER'], what: "revise a risk's target" },
  SetRiskReviewDate: { roles: ['PLAN_ADMINISTRATOR'], ownRoles: ['ACTION_OWNER'], owned: 'risk', what: "set this risk's review date" },
  AddMitigation: { roles: ['PLAN_ADMINISTRATOR'], ownRoles: ['ACTION_OWNER'], owned: 'risk', what: 'add a mitigation to this risk' },
  ChangeMitigationStatus: { roles: ['PLAN_ADMINISTRATOR'], ownRoles: ['ACTION_OWNER'], owned: 'risk', what: "change a mitigation's status" },
  // Who answers for a risk is the register's keeper's call or the board's, as raising one is; not the owner's own.
  ReassignRiskOwner: { roles: ['PLAN_ADMINISTRATOR', 'BOARD_CHAIR', 'BOARD_MEMBER'], what: "reassign a risk's owner" },
  CloseRisk: { roles: ['BOARD_CHAIR', 'BOARD_MEMBER'], what: 'close a risk' },
  RecordRiskAsIssue: { roles: ['PLAN_ADMINISTRATOR', 'BOARD_CHAIR', 'BOARD_MEMBER'], what: 'record a risk as an issue' },
  // Challenge and response: the board and the DfE adviser ask, the owner of what is asked about
  // answers (or the programme office for them), and the board decides when it is resolved.
  RaiseChallenge: { roles: ['BOARD_CHAIR', 'BOARD_MEMBER', 'DFE_ADVISER'], what: 'raise a challenge' },
  FollowUpChallenge: { roles: ['BOARD_CHAIR', 'BOARD_MEMBER', 'DFE_ADVISER'], what: 'follow up a challenge' },
  AnswerChallenge: { roles: ['PLAN_ADMINISTRATOR'], ownRoles: ['ACTION_OWNER'], owned: 'subject', what: 'answer this challenge' },
  ResolveChallenge: { roles: ['BOARD_CHAIR', 'BOARD_MEMBER'], what: 'resolve a challenge' },
  // Dependencies: the programme office keeps the plan's shape; the owner of the action that waits
  // knows what it waits for, so may declare and remove its own.
  DeclareDependency: { roles: ['PLAN_ADMINISTRATOR'], ownRoles: ['ACTION_OWNER'], what: 'declare what this action depends on' },
  RemoveDependency: { roles: ['PLAN_ADMINISTRATOR'], ownRoles: ['ACTION_OWNER'], what: 'remove a dependency of this action' },
  // The High Needs Block position: the programme office (its finance lead) records the figures;
  // the board and the DfE adviser read them.
  StartHighNeedsPosition: { roles: ['PLAN_ADMINISTRATOR'], what: 'start the High Needs Block position' },
  SetHighNeedsYear: { roles: ['PLAN_ADMINISTRATOR'], what: "set a year's DSG allocation and budget" },
  RecordHighNeedsForecast: { roles: ['PLAN_ADMINISTRATOR'], what: 'record a High Needs forecast outturn' },
  SetDeficitTrajectory: { roles: ['PLAN_ADMINISTRATOR'], what: "set the recovery plan's deficit trajectory" },
  // The conditions register (docs/conditions.md): the programme office keeps it and records each
  // quarter's status; the board chair approves a status for the board; the DfE adviser reads.
  AddCondition: { roles: ['PLAN_ADMINISTRATOR'], what: 'add a condition to the register' },
  ReviseConditionWording: { roles: ['PLAN_ADMINISTRATOR'], what: "revise a condition's wording" },
  RecordConditionStatus: { roles: ['PLAN_ADMINISTRATOR'], what: "record a condition's status for a quarter" },
  ApproveConditionStatus: { roles: ['BOARD_CHAIR'], what: "approve a condition's status for the board" },
  LinkToCondition: { roles: ['PLAN_ADMINISTRATOR'], what: 'link an action or metric to a condition' },
  UnlinkFromCondition: { roles: ['PLAN_ADMINISTRATOR'], what: 'unlink an action or metric from a condition' },
  // Money on actions and priorities (docs/finance.md): the programme office (its finance lead) sets
  // each action's planned cost, savings and funding source, evidences savings and sets the
  // priorities' savings targets. The action's owner knows what has been spent on their own action
  // and may record it, as they report its progress; judging savings stays with the finance lead.
  SetActionFunding: { roles: ['PLAN_ADMINISTRATOR'], what: "set an action's planned cost, savings and funding source" },
  RecordActionSpend: { roles: ['PLAN_ADMINISTRATOR'], ownRoles: ['ACTION_OWNER'], what: 'record spend to date on this action' },
  RecordSavingsEvidenced: { roles: ['PLAN_ADMINISTRATOR'], what: "record an action's evidenced savings" },
  SetPrioritySavingsTarget: { roles: ['PLAN_ADMINISTRATOR'], what: "set a recovery priority's savings target" },
  // The quarterly return to the DfE (docs/reports.md): the programme office writes the executive
  // summary and submits the return; only the board chair signs it off; the DfE adviser reads it.
  WriteExecutiveSummary: { roles: ['PLAN_ADMINISTRATOR'], what: "write the quarter's executive summary" },
  SubmitQuarterlyReturn: { roles: ['PLAN_ADMINISTRATOR'], what: 'submit the quarterly return for sign-off' },
  SignOffQuarterlyReturn: { roles: ['BOARD_CHAIR'], what: 'sign off the quarterly return' },
  // The programme office moves its spreadsheet in, recording each action's last reported RAG for its owner.
  ImportPlan: { roles: ['PLAN_ADMINISTRATOR'], what: 'import a plan from a spreadsheet' },
};

export function rolesIn(principal: Principal, localAreaId: string): Role[] {
  return principal.grants.filter((g) => g.localAreaId === localAreaId).map((g) => g.role);
}

/** Tenancy: a person with no role in an area must not learn what exists there. */
export function canSeeArea(principal: Principal, localAreaId: string): boolean {
  return rolesIn(principal, localAreaId).length > 0;
}

/**
 * Returns the role the command is allowed under (recorded on its events), or throws
 * ForbiddenError. Callers check `canSeeArea` first and answer "not found" when it fails.
 */
export function authorizeCommand(
  principal: Principal,
  commandType: CommandType,
  localAreaId: string,
  actionOwnerId?: string,
  /** Users the owner has delegated the action to; they act as its owner. Risks have none. */
  delegateUserIds: readonly string[] = [],
): Role {
  const rule = ACCESS_RULES[commandType];
  const held = rolesIn(principal, localAreaId);
  const general = rule.roles.find((role) => held.includes(role));
  if (general) return general;
  const owns =
    (actionOwnerId !== undefined && principal.ownerId !== null && principal.ownerId === actionOwnerId) ||
    (!rule.notByDelegates && delegateUserIds.includes(principal.userId));
  const own = owns ? rule.ownRoles?.find((role) => held.includes(role)) : undefined;
  if (own) return own;
  const allowed = rule.roles.map((r) => r.replace(/_/g, ' ').toLowerCase());
  if (rule.ownRoles) allowed.push(OWNER_WORDS[rule.owned ?? 'action']);
  throw new ForbiddenError(rule.what, allowed);
}
