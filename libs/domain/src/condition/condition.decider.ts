import { ActionState } from '../action/action.decider';
import { PlanState } from '../plan/plan.decider';
import { MetricState } from '../scorecard/metric.decider';
import { CommandMetadata } from '../shared/command-metadata';
import { InvalidValueError } from '../shared/domain-error';
import { requireDate, requireText } from '../shared/guards';
import { londonDateOf } from '../shared/london-day';
import { CONDITION_STATUSES, ConditionCommand, ConditionLink, ConditionStatus, ConditionWording } from './condition.commands';
import { ConditionEvent } from './condition.events';
import {
  ConditionAlreadyLinkedError,
  ConditionLinkOutsidePlanError,
  ConditionNotFoundError,
  ConditionNotLinkedError,
  ConditionPlanNotFoundError,
  ConditionQuarterNotBegunError,
  ConditionRefTakenError,
  ConditionStatusAlreadyApprovedError,
  ConditionStatusChangedSinceReadError,
  ConditionStatusNotRecordedError,
  ConditionStatusUnchangedError,
  ConditionWordingUnchangedError,
  DuplicateConditionLinkError,
} from './condition.errors';
import { conditionQuarterStart, requireConditionQuarter } from './condition-quarter';
import { requireConditionRef } from './condition-ref';

/** The newest status recorded for a quarter, and which version of it the board approved, if any. */
export interface QuarterStatusState {
  version: number;
  status: ConditionStatus;
  commentary: string;
  approvedVersion: number | null;
}

export type ConditionState =
  | { exists: false }
  | {
      exists: true;
      conditionId: string;
      planId: string;
      ref: string;
      wording: ConditionWording;
      wordingVersion: number;
      actionIds: string[];
      metricIds: string[];
      quarters: Record<string, QuarterStatusState>;
    };

/** The plan, and the actions and metrics a command links to, keyed by id; the command handler loads them. */
export interface ConditionDecisionContext {
  plan?: PlanState;
  actions?: Record<string, ActionState>;
  metrics?: Record<string, MetricState>;
}

export const initialConditionState = (): ConditionState => ({ exists: false });

const wordingOf = (d: ConditionWording): ConditionWording => ({ text: d.text, sourceParagraph: d.sourceParagraph, measureOfSuccess: d.measureOfSuccess, dueDate: d.dueDate });

export function evolveCondition(state: ConditionState, event: ConditionEvent): ConditionState {
  if (event.type === 'ConditionAdded') {
    const d = event.data;
    return { exists: true, conditionId: d.conditionId, planId: d.planId, ref: d.ref, wording: wordingOf(d), wordingVersion: 1, actionIds: d.actionIds, metricIds: d.metricIds, quarters: {} };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'ConditionWordingRevised':
      return { ...state, wording: wordingOf(event.data), wordingVersion: event.data.version };
    case 'ConditionStatusRecorded': {
      const { quarter, version, status, commentary } = event.data;
      const approvedVersion = state.quarters[quarter]?.approvedVersion ?? null;
      return { ...state, quarters: { ...state.quarters, [quarter]: { version, status, commentary, approvedVersion } } };
    }
    case 'ConditionStatusApproved': {
      const quarter = state.quarters[event.data.quarter];
      return quarter ? { ...state, quarters: { ...state.quarters, [event.data.quarter]: { ...quarter, approvedVersion: event.data.version } } } : state;
    }
    case 'ConditionLinked':
      return event.data.link.kind === 'ACTION' ? { ...state, actionIds: [...state.actionIds, event.data.link.id] } : { ...state, metricIds: [...state.metricIds, event.data.link.id] };
    case 'ConditionUnlinked':
      return event.data.link.kind === 'ACTION'
        ? { ...state, actionIds: state.actionIds.filter((id) => id !== event.data.link.id) }
        : { ...state, metricIds: state.metricIds.filter((id) => id !== event.data.link.id) };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export function decideCondition(command: ConditionCommand, state: ConditionState, metadata: CommandMetadata, context: ConditionDecisionContext = {}): ConditionEvent[] {
  if (command.type === 'AddCondition') {
    const d = command.data;
    const ref = requireConditionRef(d.ref);
    if (state.exists) throw new ConditionRefTakenError(ref);
    const plan = context.plan;
    if (plan?.status !== 'active' || plan.planId !== d.planId) throw new ConditionPlanNotFoundError(d.planId);
    const actionIds = unique('actionIds', d.actionIds);
    for (const id of actionIds) requireLinkInPlan({ kind: 'ACTION', id }, d.planId, context, 'actionIds');
    const metricIds = unique('metricIds', d.metricIds);
    for (const id of metricIds) requireLinkInPlan({ kind: 'METRIC', id }, d.planId, context, 'metricIds');
    return [{ type: 'ConditionAdded', data: { conditionId: d.conditionId, planId: d.planId, ref, ...requireWording(d), actionIds, metricIds } }];
  }
  if (!state.exists) throw new ConditionNotFoundError(command.data.conditionId);
  const { conditionId, ref } = state;

  switch (command.type) {
    case 'ReviseConditionWording': {
      const wording = requireWording(command.data);
      const reason = requireText('reason', command.data.reason);
      if (JSON.stringify(wording) === JSON.stringify(state.wording)) throw new ConditionWordingUnchangedError(ref);
      return [{ type: 'ConditionWordingRevised', data: { conditionId, ...wording, version: state.wordingVersion + 1, reason } }];
    }
    case 'RecordConditionStatus': {
      const d = command.data;
      const quarter = requireConditionQuarter('quarter', d.quarter);
      const start = conditionQuarterStart(quarter);
      if (start > londonDateOf(metadata.now)) throw new ConditionQuarterNotBegunError(quarter, start);
      const status = requireStatus(d.status);
      const commentary = requireText('commentary', d.commentary);
      const before = state.quarters[quarter];
      if (before && before.status === status && before.commentary === commentary) throw new ConditionStatusUnchangedError(ref, quarter);
      const replacesApproved = before !== undefined && before.approvedVersion === before.version;
      return [{ type: 'ConditionStatusRecorded', data: { conditionId, quarter, version: (before?.version ?? 0) + 1, status, commentary, replacesApproved } }];
    }
    case 'ApproveConditionStatus': {
      const quarter = requireConditionQuarter('quarter', command.data.quarter);
      const latest = state.quarters[quarter];
      if (!latest) throw new ConditionStatusNotRecordedError(ref, quarter);
      if (command.data.version !== latest.version) throw new ConditionStatusChangedSinceReadError(ref, quarter, command.data.version, latest.version);
      if (latest.approvedVersion === latest.version) throw new ConditionStatusAlreadyApprovedError(ref, quarter, latest.version);
      return [{ type: 'ConditionStatusApproved', data: { conditionId, quarter, version: latest.version, status: latest.status } }];
    }
    case 'LinkToCondition': {
      const link = requireLink(command.data.link);
      if (linked(state, link)) throw new ConditionAlreadyLinkedError(ref, describe(link));
      requireLinkInPlan(link, state.planId, context, link.kind === 'ACTION' ? 'actionId' : 'metricId');
      return [{ type: 'ConditionLinked', data: { conditionId, link } }];
    }
    case 'UnlinkFromCondition': {
      const link = requireLink(command.data.link);
      if (!linked(state, link)) throw new ConditionNotLinkedError(ref, describe(link));
      return [{ type: 'ConditionUnlinked', data: { conditionId, link } }];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function requireWording(d: ConditionWording): ConditionWording {
  return {
    text: requireText('text', d.text),
    sourceParagraph: requireText('sourceParagraph', d.sourceParagraph),
    measureOfSuccess: requireText('measureOfSuccess', d.measureOfSuccess),
    dueDate: requireDate('dueDate', d.dueDate),
  };
}

function requireStatus(status: string): ConditionStatus {
  if (!(CONDITION_STATUSES as readonly string[]).includes(status)) {
    throw new InvalidValueError('status', `isIn:${CONDITION_STATUSES.join(',')}`, `status must be one of ${CONDITION_STATUSES.join(', ')}`);
  }
  return status as ConditionStatus;
}

function requireLink(link: ConditionLink): ConditionLink {
  if (link?.kind !== 'ACTION' && link?.kind !== 'METRIC') throw new InvalidValueError('link', 'exactlyOneLink', 'Name exactly one of actionId or metricId to link');
  return { kind: link.kind, id: requireText(link.kind === 'ACTION' ? 'actionId' : 'metricId', link.id) };
}

const linked = (state: Extract<ConditionState, { exists: true }>, link: ConditionLink) => (link.kind === 'ACTION' ? state.actionIds : state.metricIds).includes(link.id);

const describe = (link: ConditionLink) => `${link.kind === 'ACTION' ? 'action' : 'metric'} ${link.id}`;

/** A condition is met through its own plan's actions and measured by its own plan's metrics. */
function requireLinkInPlan(link: ConditionLink, planId: string, context: ConditionDecisionContext, field: string): void {
  const found = link.kind === 'ACTION' ? context.actions?.[link.id] : context.metrics?.[link.id];
  if (!found?.exists || found.planId !== planId) throw new ConditionLinkOutsidePlanError(field, describe(link));
}

function unique(field: string, values: string[] | undefined | null): string[] {
  const list = values ?? [];
  if (new Set(list).size !== list.length) throw new DuplicateConditionLinkError(field, list.find((v, i) => list.indexOf(v) !== i) ?? '');
  return list;
}
