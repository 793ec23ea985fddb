import { requireOwner } from './require-owner';
import { CommandMetadata } from '../shared/command-metadata';
import { InvalidValueError } from '../shared/domain-error';
import { requireDate, requirePastOrToday, requireText } from '../shared/guards';
import { PlanState } from '../plan/plan.decider';
import { PlanNotFoundError } from '../plan/plan.errors';
import { ActionOwner } from './action-owner';
import { ACTION_REF_PATTERN, withoutLeadingZeros } from './action-ref';
import { ActionCommand, AddAction, NewMilestone } from './action.commands';
import { ActionEvent } from './action.events';
import { requireEvidenceFile } from './evidence-file';
import { requireWebLink } from '../shared/web-link';
import {
  ActionClosedError,
  ActionNotCompleteError,
  ActionNotFoundError,
  ActionNotOpenError,
  ActionRefTakenError,
  AlreadyDelegatedError,
  NotDelegatedError,
  CompletionNeedsAcceptedEvidenceError,
  EvidenceAlreadyExistsError,
  EvidenceAlreadyReviewedError,
  EvidenceNotFoundError,
  MilestoneAlreadyCompletedError,
  MilestoneAlreadyExistsError,
  MilestoneNotFoundError,
  ProgressOutOfOrderError,
  RefOutsideAreaError,
  SameValueError,
  SupersedingActionInvalidError,
  UnknownAreaError,
  UnknownPriorityError,
} from './action.errors';
import { ActionStatus, EVIDENCE_KINDS, EvidenceReviewStatus, RagStatus, ReportableRag } from './rag-status';
import { requireReportableRag } from './reportable-rag.guard';
import { decideCorrection, evolveCorrection } from './progress-correction.decider';
import { decideConfidence, evolveConfidence } from './delivery-confidence.decider';
import { DeliveryConfidence } from './delivery-confidence';

export interface MilestoneState {
  title: string;
  dueDate: string;
  completedOn: string | null;
}

export interface EvidenceState {
  title: string;
  kind: string;
  review: EvidenceReviewStatus;
}

export type ActionState =
  | { exists: false }
  | {
      exists: true;
      actionId: string;
      planId: string;
      ref: string;
      areaNumber: number;
      status: ActionStatus;
      rag: RagStatus;
      /** The rating an action had when it was marked complete; a reopen returns to it. */
      ragBeforeCompletion: RagStatus;
      owner: ActionOwner;
      dueDate: string;
      lastAsAt: string | null;
      /** Users who may update the action for its owner, by user id. */
      delegates: Record<string, Delegate>;
      milestones: Record<string, MilestoneState>;
      evidence: Record<string, EvidenceState>;
      /** Revision of the last event applied: corrections name updates by it. */
      revision: number;
      /** Every progress update and correction, by revision, and what later corrected it. */
      progress: Record<number, ProgressVersion>;
      /** The update whose RAG and "as at" are in force; a correction of it takes its place. */
      progressRevision: number | null;
      /** The latest delivery confidence rating, null until the first. */
      confidence: { level: DeliveryConfidence; asAt: string } | null;
    };

export interface ProgressVersion {
  rag: ReportableRag;
  commentary: string;
  asAt: string;
  supersededBy: number | null;
}

export interface Delegate {
  name: string;
  /** Who delegated to them; withdrawing someone withdraws everyone they delegated to. */
  delegatedBy: string | null;
}

export type ExistingAction = Extract<ActionState, { exists: true }>;

/** Other streams' state a decision may need: the plan for a new action, the successor for a supersede. */
export interface ActionDecisionContext {
  plan?: PlanState;
  supersedingAction?: ActionState;
}

export const initialActionState = (): ActionState => ({ exists: false });

export function evolveAction(state: ActionState, event: ActionEvent): ActionState {
  if (event.type === 'ActionAdded') {
    const d = event.data;
    return {
      exists: true,
      actionId: d.actionId,
      planId: d.planId,
      ref: d.ref,
      areaNumber: d.areaNumber,
      status: 'OPEN',
      rag: 'NOT_YET_RATED',
      ragBeforeCompletion: 'NOT_YET_RATED',
      owner: d.owner,
      dueDate: d.dueDate,
      lastAsAt: null,
      delegates: {},
      milestones: {},
      evidence: {},
      revision: 0,
      progress: {},
      progressRevision: null,
      confidence: null,
    };
  }
  if (!state.exists) return state;
  return evolveExisting({ ...state, revision: state.revision + 1 }, event);
}

function evolveExisting(state: ExistingAction, event: Exclude<ActionEvent, { type: 'ActionAdded' }>): ActionState {
  switch (event.type) {
    case 'OwnerReassigned':
      return { ...state, owner: event.data.owner };
    case 'ProgressReported': {
      const { rag, commentary, asAt } = event.data;
      const progress = { ...state.progress, [state.revision]: { rag, commentary, asAt, supersededBy: null } };
      return { ...state, rag, lastAsAt: asAt, progress, progressRevision: state.revision };
    }
    case 'ProgressCorrected':
      return evolveCorrection(state, event);
    case 'DeliveryConfidenceRated':
      return evolveConfidence(state, event);
    case 'MilestoneAdded':
      return {
        ...state,
        milestones: {
          ...state.milestones,
          [event.data.milestoneId]: { title: event.data.title, dueDate: event.data.dueDate, completedOn: null },
        },
      };
    case 'MilestoneCompleted': {
      const milestone = state.milestones[event.data.milestoneId];
      if (!milestone) return state;
      return {
        ...state,
        milestones: { ...state.milestones, [event.data.milestoneId]: { ...milestone, completedOn: event.data.completedOn } },
      };
    }
    case 'DueDateRescheduled':
      return { ...state, dueDate: event.data.dueDate };
    case 'EvidenceAttached':
      return {
        ...state,
        evidence: {
          ...state.evidence,
          [event.data.evidenceId]: { title: event.data.title, kind: event.data.kind, review: 'PENDING' },
        },
      };
    case 'EvidenceAccepted':
    case 'EvidenceRejected': {
      const evidence = state.evidence[event.data.evidenceId];
      if (!evidence) return state;
      const review = event.type === 'EvidenceAccepted' ? 'ACCEPTED' : 'REJECTED';
      return { ...state, evidence: { ...state.evidence, [event.data.evidenceId]: { ...evidence, review } } };
    }
    case 'ActionCompleted':
      return {
        ...state,
        status: 'COMPLETE',
        rag: 'BLUE',
        ragBeforeCompletion: event.data.previousRag,
        lastAsAt: event.data.asAt,
        progressRevision: state.revision,
      };
    case 'ActionReopened':
      return { ...state, status: 'OPEN', rag: event.data.rag, progressRevision: state.revision };
    case 'ActionWithdrawn':
      return { ...state, status: 'WITHDRAWN' };
    case 'ActionSuperseded':
      return { ...state, status: 'SUPERSEDED' };
    case 'ActionDelegated':
      return {
        ...state,
        delegates: { ...state.delegates, [event.data.delegateUserId]: { name: event.data.delegateName, delegatedBy: event.data.delegatedBy } },
      };
    case 'DelegationWithdrawn': {
      const { [event.data.delegateUserId]: _withdrawn, ...delegates } = state.delegates;
      return { ...state, delegates };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export function decideAction(
  command: ActionCommand,
  state: ActionState,
  metadata: CommandMetadata,
  context: ActionDecisionContext = {},
): ActionEvent[] {
  if (command.type === 'AddAction') return decideAdd(command, state, context.plan);
  if (!state.exists) throw new ActionNotFoundError(command.data.actionId);
  const actionId = state.actionId;
  const { now } = metadata;

  switch (command.type) {
    case 'ReassignOwner': {
      requireNotClosed(state, 'reassign its owner');
      const owner = requireOwner(command.data.owner);
      if (owner.ownerId === state.owner.ownerId) throw new SameValueError('The owner');
      const reason = command.data.reason?.trim() || null;
      // Delegates act for an owner who chose them (or had them chosen); the new owner starts with none.
      const lapsed: ActionEvent[] = Object.entries(state.delegates).map(([delegateUserId, delegate]) => ({
        type: 'DelegationWithdrawn',
        data: { actionId, delegateUserId, delegateName: delegate.name },
      }));
      return [{ type: 'OwnerReassigned', data: { actionId, owner, previousOwner: state.owner, reason } }, ...lapsed];
    }
    case 'ReportProgress': {
      requireOpen(state, 'report progress');
      const rag = requireReportableRag(command.data.rag);
      const commentary = requireText('commentary', command.data.commentary);
      const asAt = requirePastOrToday('asAt', command.data.asAt, now);
      if (state.lastAsAt !== null && asAt < state.lastAsAt) throw new ProgressOutOfOrderError(asAt, state.lastAsAt);
      return [{ type: 'ProgressReported', data: { actionId, rag, previousRag: state.rag, commentary, asAt } }];
    }
    case 'AddMilestone': {
      requireOpen(state, 'add a milestone');
      return [milestoneAdded(actionId, command.data, state)];
    }
    case 'CompleteMilestone': {
      requireOpen(state, 'complete a milestone');
      const milestone = state.milestones[command.data.milestoneId];
      if (!milestone) throw new MilestoneNotFoundError(command.data.milestoneId);
      if (milestone.completedOn !== null) throw new MilestoneAlreadyCompletedError(milestone.title);
      const completedOn = requirePastOrToday('completedOn', command.data.completedOn, now);
      return [{ type: 'MilestoneCompleted', data: { actionId, milestoneId: command.data.milestoneId, completedOn } }];
    }
    case 'RescheduleDueDate': {
      requireOpen(state, 'reschedule it');
      const dueDate = requireDate('dueDate', command.data.dueDate);
      const reason = requireText('reason', command.data.reason);
      if (dueDate === state.dueDate) throw new SameValueError('The due date');
      return [{ type: 'DueDateRescheduled', data: { actionId, dueDate, previousDueDate: state.dueDate, reason } }];
    }
    case 'AttachEvidence': {
      // Impact often shows after delivery, so completed actions still take evidence.
      requireNotClosed(state, 'attach evidence');
      const d = command.data;
      if (state.evidence[d.evidenceId]) throw new EvidenceAlreadyExistsError(d.evidenceId);
      if (!(EVIDENCE_KINDS as readonly string[]).includes(d.kind)) {
        throw new InvalidValueError('kind', 'isIn:ACTIVITY,IMPACT', 'kind must be ACTIVITY or IMPACT');
      }
      const link = d.link?.trim() ? requireWebLink('link', d.link) : null;
      const documentReference = d.documentReference?.trim() || null;
      const file = d.file ? requireEvidenceFile(d.file) : null;
      if (link === null && documentReference === null && file === null) {
        throw new InvalidValueError(
          'link',
          'linkOrDocumentReference',
          'Evidence needs a link, a document reference or a file so the board can find it',
        );
      }
      return [
        {
          type: 'EvidenceAttached',
          data: {
            actionId,
            evidenceId: d.evidenceId,
            kind: d.kind,
            title: requireText('title', d.title),
            link,
            documentReference,
            submittedBy: requireText('submittedBy', d.submittedBy),
            file,
          },
        },
      ];
    }
    case 'ReviewEvidence': {
      requireNotClosed(state, 'review evidence');
      const evidence = state.evidence[command.data.evidenceId];
      if (!evidence) throw new EvidenceNotFoundError(command.data.evidenceId);
      if (evidence.review !== 'PENDING') throw new EvidenceAlreadyReviewedError(evidence.title, evidence.review);
      const evidenceId = command.data.evidenceId;
      if (command.data.decision === 'ACCEPT') return [{ type: 'EvidenceAccepted', data: { actionId, evidenceId } }];
      if (command.data.decision !== 'REJECT') {
        throw new InvalidValueError('decision', 'isIn:ACCEPT,REJECT', 'decision must be ACCEPT or REJECT');
      }
      const reason = requireText('reason', command.data.reason);
      return [{ type: 'EvidenceRejected', data: { actionId, evidenceId, reason } }];
    }
    case 'MarkComplete': {
      requireOpen(state, 'mark it complete');
      const commentary = requireText('commentary', command.data.commentary);
      const asAt = requirePastOrToday('asAt', command.data.asAt, now);
      if (state.lastAsAt !== null && asAt < state.lastAsAt) throw new ProgressOutOfOrderError(asAt, state.lastAsAt);
      if (!Object.values(state.evidence).some((e) => e.review === 'ACCEPTED')) {
        throw new CompletionNeedsAcceptedEvidenceError(state.ref);
      }
      return [{ type: 'ActionCompleted', data: { actionId, commentary, asAt, previousRag: state.rag } }];
    }
    case 'ReopenAction': {
      if (state.status !== 'COMPLETE') throw new ActionNotCompleteError(state.ref);
      const reason = requireText('reason', command.data.reason);
      return [{ type: 'ActionReopened', data: { actionId, reason, rag: state.ragBeforeCompletion } }];
    }
    case 'WithdrawAction': {
      requireOpen(state, 'withdraw it');
      const reason = requireText('reason', command.data.reason);
      return [{ type: 'ActionWithdrawn', data: { actionId, reason } }];
    }
    case 'SupersedeAction': {
      requireOpen(state, 'supersede it');
      const reason = requireText('reason', command.data.reason);
      const successor = context.supersedingAction;
      if (command.data.supersededByActionId === actionId) {
        throw new SupersedingActionInvalidError('An action cannot be superseded by itself');
      }
      if (!successor?.exists || successor.planId !== state.planId) {
        throw new SupersedingActionInvalidError('The superseding action must be an existing action in the same plan');
      }
      if (successor.status === 'WITHDRAWN' || successor.status === 'SUPERSEDED') {
        throw new SupersedingActionInvalidError(
          `Action ${successor.ref} is ${successor.status.toLowerCase()} and cannot supersede another action`,
        );
      }
      return [
        {
          type: 'ActionSuperseded',
          data: { actionId, supersededByActionId: successor.actionId, supersededByRef: successor.ref, reason },
        },
      ];
    }
    case 'DelegateAction': {
      requireNotClosed(state, 'delegate it');
      const delegateUserId = requireText('delegateUserId', command.data.delegateUserId);
      const delegateName = requireText('delegateName', command.data.delegateName);
      if (state.delegates[delegateUserId] !== undefined) throw new AlreadyDelegatedError(delegateName);
      return [{ type: 'ActionDelegated', data: { actionId, delegateUserId, delegateName, delegatedBy: metadata.actor?.userId ?? null } }];
    }
    case 'WithdrawDelegation': {
      if (state.delegates[command.data.delegateUserId] === undefined) throw new NotDelegatedError(command.data.delegateUserId);
      return delegationChainFrom(command.data.delegateUserId, state.delegates).map((delegateUserId) => ({
        type: 'DelegationWithdrawn',
        data: { actionId, delegateUserId, delegateName: state.delegates[delegateUserId].name },
      }));
    }
    case 'CorrectProgress':
      return [decideCorrection(command, state, now)];
    case 'RateDeliveryConfidence':
      return [decideConfidence(command, state, now)];
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function decideAdd(command: AddAction, state: ActionState, plan: PlanState | undefined): ActionEvent[] {
  const d = command.data;
  if (!plan || plan.status !== 'active') throw new PlanNotFoundError(d.planId);
  const ref = requireText('ref', d.ref);
  if (state.exists) throw new ActionRefTakenError(ref);
  if (!plan.areaNumbers.includes(d.areaNumber)) throw new UnknownAreaError(d.areaNumber);
  // References read "area.number" (8.2), so a ref that names another area would mislead the board.
  if (!new RegExp(`^${d.areaNumber}\\.\\d+[a-z]?$`).test(ref)) throw new RefOutsideAreaError(ref, d.areaNumber);
  if (!ACTION_REF_PATTERN.test(ref)) {
    throw new InvalidValueError('ref', 'noLeadingZeros', `Action reference ${ref} must be written ${withoutLeadingZeros(ref)}: it would be read as that action`);
  }
  const priorityNumbers = [...new Set(d.priorityNumbers)].sort((a, b) => a - b);
  for (const p of priorityNumbers) if (!plan.priorityNumbers.includes(p)) throw new UnknownPriorityError(p);
  const added: ActionEvent = {
    type: 'ActionAdded',
    data: {
      actionId: d.actionId,
      planId: plan.planId,
      ref,
      areaNumber: d.areaNumber,
      priorityNumbers,
      title: requireText('title', d.title),
      description: requireText('description', d.description),
      intendedImpact: requireText('intendedImpact', d.intendedImpact),
      owner: requireOwner(d.owner),
      leadOrganisation: requireText('leadOrganisation', d.leadOrganisation),
      dueDate: requireDate('dueDate', d.dueDate),
    },
  };
  let pending = evolveAction(state, added);
  const events: ActionEvent[] = [added];
  for (const milestone of d.milestones ?? []) {
    const event = milestoneAdded(d.actionId, milestone, pending as ExistingAction);
    pending = evolveAction(pending, event);
    events.push(event);
  }
  return events;
}

function milestoneAdded(actionId: string, milestone: NewMilestone, state: ExistingAction): ActionEvent {
  if (state.milestones[milestone.milestoneId]) throw new MilestoneAlreadyExistsError(milestone.milestoneId);
  return {
    type: 'MilestoneAdded',
    data: {
      actionId,
      milestoneId: milestone.milestoneId,
      title: requireText('milestone.title', milestone.title),
      dueDate: requireDate('milestone.dueDate', milestone.dueDate),
    },
  };
}

function requireOpen(state: ExistingAction, doing: string): void {
  if (state.status !== 'OPEN') throw new ActionNotOpenError(state.ref, state.status, doing);
}

function requireNotClosed(state: ExistingAction, doing: string): void {
  if (state.status === 'WITHDRAWN' || state.status === 'SUPERSEDED') {
    throw new ActionClosedError(state.ref, state.status, doing);
  }
}

/**
 * The delegate and everyone who holds the action through them, nearest first. Only owners and
 * plan administrators may delegate now, but histories from before that rule can hold onward
 * delegations, and none may outlive the delegation they came through.
 */
function delegationChainFrom(delegateUserId: string, delegates: Record<string, Delegate>): string[] {
  const chain = [delegateUserId];
  for (let i = 0; i < chain.length; i += 1) {
    for (const [userId, delegate] of Object.entries(delegates)) {
      if (delegate.delegatedBy === chain[i] && !chain.includes(userId)) chain.push(userId);
    }
  }
  return chain;
}
