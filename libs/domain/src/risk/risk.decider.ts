import { ActionOwner } from '../action/action-owner';
import { ActionState } from '../action/action.decider';
import { requireOwner } from '../action/require-owner';
import { PlanState } from '../plan/plan.decider';
import { CommandMetadata } from '../shared/command-metadata';
import { InvalidValueError } from '../shared/domain-error';
import { requireDate, requirePastOrToday, requireText } from '../shared/guards';
import { MITIGATION_STATUSES, MitigationStatus, RiskCommand, RiskLinks, RiskStatus, RiskTarget } from './risk.commands';
import { RiskEvent } from './risk.events';
import {
  DuplicateRiskLinkError,
  MitigationAlreadyExistsError,
  MitigationNotFoundError,
  MitigationStatusUnchangedError,
  RescoreBeforeLastError,
  RiskLinkOutsidePlanError,
  RiskNotFoundError,
  RiskNotOpenError,
  RiskOwnerUnchangedError,
  RiskPlanNotFoundError,
  RiskRefTakenError,
  TargetAboveInherentError,
} from './risk.errors';
import { requireRiskRef } from './risk-ref';
import { requireRating, RiskRating, riskScore } from './risk-rating';

export type RiskState =
  | { exists: false }
  | {
      exists: true;
      riskId: string;
      planId: string;
      ref: string;
      /** Whose risk it is: they may re-score it and work its mitigations. */
      ownerId: string;
      /** As recorded, so a reassignment can say whom it was taken from. */
      owner: ActionOwner;
      status: RiskStatus;
      inherent: RiskRating;
      current: RiskRating;
      /** The business date of the score in force; a re-score cannot go back before it. */
      currentAsAt: string | null;
      mitigations: Record<string, MitigationStatus>;
    };

/**
 * What the rules read from other streams: the plan (its areas and priorities) and the actions a
 * command links the risk to, keyed by action id. The command handler loads them.
 */
export interface RiskDecisionContext {
  plan?: PlanState;
  actions?: Record<string, ActionState>;
}

export const initialRiskState = (): RiskState => ({ exists: false });

export function evolveRisk(state: RiskState, event: RiskEvent): RiskState {
  if (event.type === 'RiskRaised') {
    const d = event.data;
    return { exists: true, riskId: d.riskId, planId: d.planId, ref: d.ref, ownerId: d.owner.ownerId, owner: d.owner, status: 'OPEN', inherent: d.inherent, current: d.current, currentAsAt: null, mitigations: {} };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'RiskRescored':
      return { ...state, current: event.data.current, currentAsAt: event.data.asAt };
    case 'MitigationAdded':
      return { ...state, mitigations: { ...state.mitigations, [event.data.mitigationId]: 'PLANNED' } };
    case 'MitigationStatusChanged':
      return { ...state, mitigations: { ...state.mitigations, [event.data.mitigationId]: event.data.to } };
    case 'RiskOwnerReassigned':
      return { ...state, ownerId: event.data.owner.ownerId, owner: event.data.owner };
    case 'RiskClosed':
      return { ...state, status: 'CLOSED' };
    case 'RiskBecameIssue':
      return { ...state, status: 'BECAME_ISSUE' };
    case 'RiskLinksChanged':
    case 'RiskTargetRevised':
    case 'RiskReviewDateSet':
      return state;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export function decideRisk(command: RiskCommand, state: RiskState, metadata: CommandMetadata, context: RiskDecisionContext = {}): RiskEvent[] {
  if (command.type === 'RaiseRisk') {
    const d = command.data;
    const ref = requireRiskRef(d.ref);
    if (state.exists) throw new RiskRefTakenError(ref);
    const plan = context.plan;
    if (plan?.status !== 'active' || plan.planId !== d.planId) throw new RiskPlanNotFoundError(d.planId);
    const inherent = requireRating('inherent', d.inherent);
    return [
      {
        type: 'RiskRaised',
        data: {
          riskId: d.riskId,
          planId: d.planId,
          ref,
          title: requireText('title', d.title),
          description: requireText('description', d.description),
          cause: requireText('cause', d.cause),
          consequence: requireText('consequence', d.consequence),
          owner: requireOwner(d.owner),
          ...requireLinks(d, plan, context.actions ?? {}),
          inherent,
          current: requireRating('current', d.current),
          target: requireTarget(d.target, inherent),
          reviewDate: requireDate('reviewDate', d.reviewDate),
        },
      },
    ];
  }
  if (!state.exists) throw new RiskNotFoundError(command.data.riskId);
  const { riskId } = state;

  switch (command.type) {
    case 'RescoreRisk': {
      requireOpen(state, 're-scored');
      const current = requireRating('current', command.data.current);
      const commentary = requireText('commentary', command.data.commentary);
      const asAt = requirePastOrToday('asAt', command.data.asAt, metadata.now);
      if (state.currentAsAt !== null && asAt < state.currentAsAt) throw new RescoreBeforeLastError(asAt, state.currentAsAt);
      return [{ type: 'RiskRescored', data: { riskId, previous: state.current, current, commentary, asAt } }];
    }
    case 'ChangeRiskLinks': {
      requireOpen(state, 'linked');
      const plan = context.plan;
      if (plan?.status !== 'active' || plan.planId !== state.planId) throw new RiskPlanNotFoundError(state.planId);
      return [{ type: 'RiskLinksChanged', data: { riskId, ...requireLinks(command.data, plan, context.actions ?? {}) } }];
    }
    case 'ReviseRiskTarget': {
      requireOpen(state, 'given a new target');
      return [{ type: 'RiskTargetRevised', data: { riskId, target: requireTarget(command.data.target, state.inherent), reason: requireText('reason', command.data.reason) } }];
    }
    case 'SetRiskReviewDate':
      requireOpen(state, 'given a review date');
      return [{ type: 'RiskReviewDateSet', data: { riskId, reviewDate: requireDate('reviewDate', command.data.reviewDate) } }];
    case 'AddMitigation': {
      requireOpen(state, 'given a mitigation');
      const d = command.data;
      const mitigationId = requireText('mitigationId', d.mitigationId);
      if (state.mitigations[mitigationId]) throw new MitigationAlreadyExistsError(mitigationId);
      return [
        {
          type: 'MitigationAdded',
          data: { riskId, mitigationId, description: requireText('description', d.description), owner: requireOwner(d.owner), dueDate: requireDate('dueDate', d.dueDate) },
        },
      ];
    }
    case 'ChangeMitigationStatus': {
      requireOpen(state, 'given a change to a mitigation');
      const d = command.data;
      const from = state.mitigations[d.mitigationId];
      if (!from) throw new MitigationNotFoundError(d.mitigationId);
      if (!(MITIGATION_STATUSES as readonly string[]).includes(d.status)) {
        throw new InvalidValueError('status', `isIn:${MITIGATION_STATUSES.join(',')}`, `status must be one of ${MITIGATION_STATUSES.join(', ')}`);
      }
      if (d.status === from) throw new MitigationStatusUnchangedError(from);
      const commentary = d.commentary?.trim() ? requireText('commentary', d.commentary) : null;
      return [{ type: 'MitigationStatusChanged', data: { riskId, mitigationId: d.mitigationId, from, to: d.status, commentary } }];
    }
    case 'ReassignRiskOwner': {
      requireOpen(state, 'given to another owner');
      const owner = requireOwner(command.data.owner);
      if (owner.ownerId === state.ownerId) throw new RiskOwnerUnchangedError(state.ref, state.owner.name);
      return [{ type: 'RiskOwnerReassigned', data: { riskId, owner, previousOwner: state.owner, reason: requireText('reason', command.data.reason) } }];
    }
    case 'CloseRisk':
      requireOpen(state, 'closed');
      return [{ type: 'RiskClosed', data: { riskId, reason: requireText('reason', command.data.reason) } }];
    case 'RecordRiskAsIssue':
      requireOpen(state, 'recorded as an issue');
      return [{ type: 'RiskBecameIssue', data: { riskId, commentary: requireText('commentary', command.data.commentary) } }];
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function requireOpen(state: Extract<RiskState, { exists: true }>, doing: string): void {
  if (state.status !== 'OPEN') throw new RiskNotOpenError(state.ref, state.status, doing);
}

function requireTarget(target: RiskTarget | undefined | null, inherent: RiskRating): RiskTarget {
  const rating = requireRating('target', target);
  if (riskScore(rating) > riskScore(inherent)) throw new TargetAboveInherentError(riskScore(rating), riskScore(inherent));
  return { ...rating, byDate: requireDate('target.byDate', target?.byDate) };
}

function unique<T>(field: string, values: T[] | undefined | null): T[] {
  const list = values ?? [];
  const seen = new Set<T>();
  for (const value of list) {
    if (seen.has(value)) throw new DuplicateRiskLinkError(field, String(value));
    seen.add(value);
  }
  return list;
}

/** Every link must point into the risk's own plan: an area, a priority or a live action of it. */
function requireLinks(links: RiskLinks, plan: Extract<PlanState, { status: 'active' }>, actions: Record<string, ActionState>): RiskLinks {
  const areaNumbers = unique('areaNumbers', links.areaNumbers);
  for (const n of areaNumbers) if (!plan.areaNumbers.includes(n)) throw new RiskLinkOutsidePlanError('areaNumbers', `area ${n}`);
  const priorityNumbers = unique('priorityNumbers', links.priorityNumbers);
  for (const n of priorityNumbers) if (!plan.priorityNumbers.includes(n)) throw new RiskLinkOutsidePlanError('priorityNumbers', `priority ${n}`);
  const actionIds = unique('actionIds', links.actionIds);
  for (const id of actionIds) {
    const action = actions[id];
    if (!action?.exists || action.planId !== plan.planId) throw new RiskLinkOutsidePlanError('actionIds', `action ${id}`);
  }
  return { areaNumbers: [...areaNumbers].sort((a, b) => a - b), priorityNumbers: [...priorityNumbers].sort((a, b) => a - b), actionIds };
}
