import { ActionState } from '../action/action.decider';
import { PlanState } from '../plan/plan.decider';
import { MetricState } from '../scorecard/metric.decider';
import { CommandMetadata } from '../shared/command-metadata';
import { InvalidValueError } from '../shared/domain-error';
import { requireDate, requireText } from '../shared/guards';
import { londonDateOf } from '../shared/london-day';
import { CONDITION_LINK_KINDS, CONDITION_STATUSES, ConditionCommand, ConditionLink, ConditionLinkKind, ConditionStatus, ConditionWording } from './condition.commands';
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
import { parseFinanceLineId, PRIORITY_SAVINGS_LINE, UnknownFinanceLineError } from './condition-finance-line';
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
      /** Finance line ids, as `condition-finance-line.ts` names them. */
      financeLines: string[];
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
    return { exists: true, conditionId: d.conditionId, planId: d.planId, ref: d.ref, wording: wordingOf(d), wordingVersion: 1, actionIds: d.actionIds, metricIds: d.metricIds, financeLines: [], quarters: {} };
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
    case 'ConditionLinked': {
      const key = linkListOf(event.data.link.kind);
      return { ...state, [key]: [...state[key], event.data.link.id] };
    }
    case 'ConditionUnlinked': {
      const key = linkListOf(event.data.link.kind);
      return { ...state, [key]: state[key].filter((id) => id !== event.data.link.id) };
    }
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
      if (link.kind === 'FINANCE_LINE') requireFinanceLine(link.id, context);
      else requireLinkInPlan(link, state.planId, context, linkField[link.kind]);
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

const linkField: Record<ConditionLinkKind, string> = { ACTION: 'actionId', METRIC: 'metricId', FINANCE_LINE: 'financeLine' };

const linkListOf = (kind: ConditionLinkKind) => (kind === 'ACTION' ? 'actionIds' : kind === 'METRIC' ? 'metricIds' : 'financeLines');

function requireLink(link: ConditionLink): ConditionLink {
  if (!(CONDITION_LINK_KINDS as readonly string[]).includes(link?.kind)) throw new InvalidValueError('link', 'exactlyOneLink', 'Name exactly one of actionId, metricId or financeLine to link');
  return { kind: link.kind, id: requireText(linkField[link.kind], link.id) };
}

const linked = (state: Extract<ConditionState, { exists: true }>, link: ConditionLink) => state[linkListOf(link.kind)].includes(link.id);

const describe = (link: ConditionLink) => `${link.kind === 'ACTION' ? 'action' : link.kind === 'METRIC' ? 'metric' : 'finance line'} ${link.id}`;

/** A finance line is one of the documented set; a priority's savings line names one of the plan's recovery priorities. */
function requireFinanceLine(id: string, context: ConditionDecisionContext): void {
  const line = parseFinanceLineId(id);
  const priorityNumbers = context.plan?.status === 'active' ? context.plan.priorityNumbers : [];
  if (!line || (line.line === PRIORITY_SAVINGS_LINE && !priorityNumbers.includes(line.priorityNumber))) throw new UnknownFinanceLineError(id, priorityNumbers);
}

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
