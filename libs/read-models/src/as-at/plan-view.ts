import { ActionEvent, ActionOwner, ImprovementArea, MetricEvent, PlanEvent, RecoveryPriority } from '@send/domain';
import { RecordedEvent } from '@send/event-store';
import { ProjectedEvent } from '../projection/projection';
import { toProjectedEvent } from '../projection/projection-runner';
import { ActionView, evolveActionView, withDecision } from './action-view';
import { evolveMetricView, MetricView } from './metric-view';
import { bySlot, streamKnownAt } from './known-at';

export interface UpdateRoundView {
  roundId: string;
  title: string;
  openedOn: string;
  deadline: string;
  closedOn: string | null;
}

/** A plan with its areas, priorities, actions and owners as they stood at one instant. */
export interface PlanView {
  /** The instant shown: events that occurred after it are not in the view. */
  asAt: string;
  /** Corrections recorded by this instant are applied; `asAt` itself when the view is what was known then. */
  knownAt: string;
  /** The newest store position among the events applied; a report names it so a reader can trace it. */
  lastPosition: bigint | null;
  planId: string;
  localAreaId: string;
  localAreaName: string;
  title: string;
  version: string;
  approvedOn: string;
  staleAfterDays: number;
  revision: number;
  areas: ImprovementArea[];
  priorities: RecoveryPriority[];
  updateRounds: UpdateRoundView[];
  /** Every action added by then, in plan order (ref), whatever its status. */
  actions: ActionView[];
  /** Everyone who owned an action by then, with the name, role and organisation last recorded. */
  owners: ActionOwner[];
  /** The scorecard's metrics defined by then, ordered by name. */
  metrics: MetricView[];
}

type Draft = Omit<PlanView, 'actions' | 'owners' | 'metrics'> & {
  actions: Map<string, ActionView>;
  owners: Map<string, ActionOwner>;
  metrics: Map<string, MetricView>;
};

function evolvePlan(draft: Draft | undefined, event: ProjectedEvent & PlanEvent, asAt: string, knownAt: string): Draft | undefined {
  const revision = Number(event.recorded.revision);
  if (event.type === 'PlanCreated') {
    const d = event.data;
    return {
      asAt,
      knownAt,
      lastPosition: null,
      planId: d.planId,
      localAreaId: d.localArea.id,
      localAreaName: d.localArea.name,
      title: d.title,
      version: d.version,
      approvedOn: d.approvedOn,
      staleAfterDays: d.staleAfterDays,
      revision,
      areas: [...d.areas].sort((a, b) => a.number - b.number),
      priorities: [...d.priorities].sort((a, b) => a.number - b.number),
      updateRounds: [],
      actions: new Map(),
      owners: new Map(),
      metrics: new Map(),
    };
  }
  if (!draft) return draft;
  switch (event.type) {
    case 'PlanRevisionApproved': {
      const { version, title, approvedOn } = event.data;
      return { ...draft, version, title, approvedOn, revision };
    }
    case 'StaleThresholdChanged':
      return { ...draft, staleAfterDays: event.data.staleAfterDays, revision };
    case 'UpdateRoundOpened': {
      const { roundId, title, openedOn, deadline } = event.data;
      return { ...draft, updateRounds: [...draft.updateRounds, { roundId, title, openedOn, deadline, closedOn: null }], revision };
    }
    case 'UpdateRoundClosed': {
      const { roundId, closedOn } = event.data;
      return { ...draft, updateRounds: draft.updateRounds.map((r) => (r.roundId === roundId ? { ...r, closedOn } : r)), revision };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

function apply(draft: Draft | undefined, event: ProjectedEvent, asAt: string, knownAt: string): Draft | undefined {
  const { streamId } = event.recorded;
  if (streamId.startsWith('plan-')) return evolvePlan(draft, event as ProjectedEvent & PlanEvent, asAt, knownAt);
  if (!draft) return draft;
  if (streamId.startsWith('action-')) {
    const actionId = (event.data as { actionId: string }).actionId;
    const action = evolveActionView(draft.actions.get(actionId), event as ProjectedEvent & ActionEvent);
    if (!action) return draft;
    draft.actions.set(actionId, action);
    if (event.type === 'ActionAdded' || event.type === 'OwnerReassigned') draft.owners.set(action.owner.ownerId, action.owner);
    return draft;
  }
  if (streamId.startsWith('metric-')) {
    const metricId = (event.data as { metricId: string }).metricId;
    const metric = evolveMetricView(draft.metrics.get(metricId), event as ProjectedEvent & MetricEvent);
    if (metric) draft.metrics.set(metricId, metric);
    return draft;
  }
  if (event.type === 'DecisionRecorded') {
    const action = draft.actions.get(event.data.actionId);
    if (action) draft.actions.set(action.actionId, withDecision(action, event as ProjectedEvent & typeof event));
  }
  return draft;
}

/**
 * Folds a plan's streams (the plan, its actions, meetings and metrics) up to an instant. Events are
 * applied in global order, as the projections apply them, so with `knownAt` = `asAt` the answer
 * equals what the read models held at that instant. A later `knownAt` folds each correction
 * recorded by then straight after the update it supersedes. Undefined when the plan did not exist yet.
 */
export function planViewAt(streams: RecordedEvent[][], asAt: string, knownAt: string = asAt): PlanView | undefined {
  const events = streams.flatMap((s) => streamKnownAt(s, asAt, knownAt)).sort(bySlot);
  let draft: Draft | undefined;
  for (const { recorded } of events) {
    draft = apply(draft, toProjectedEvent(recorded), asAt, knownAt);
    if (draft && (draft.lastPosition === null || recorded.position > draft.lastPosition)) draft.lastPosition = recorded.position;
  }
  if (!draft) return undefined;
  const actions = [...draft.actions.values()].sort((a, b) => (a.refSortKey < b.refSortKey ? -1 : a.refSortKey > b.refSortKey ? 1 : 0));
  const metrics = [...draft.metrics.values()].sort((a, b) => (a.metric.name < b.metric.name ? -1 : a.metric.name > b.metric.name ? 1 : 0));
  return { ...draft, actions, owners: [...draft.owners.values()], metrics };
}
