import { ActionEvent, ActionOwner, CalendarDate, ImprovementArea, MetricEvent, PlanEvent, RecoveryPriority, streamConcept } from '@send/domain';
import { RecordedEvent } from '@send/event-store';
import { ProjectedEvent } from '../projection/projection';
import { PlanRowChange, planRowChanges } from '../plans/plan-row';
import { PlanEntity } from '../plans/plan.entity';
import { toProjectedEvent } from '../projection/projection-runner';
import { ActionFoldOptions } from '../actions/action-row';
import { ActionView, evolveActionView, withLineFrom, withOwnerRenamed } from './action-view';
import { renamedOwner } from '../owner-records/owner-rename';
import { evolveMetricView, MetricView } from './metric-view';
import { bySlot, SlottedEvent, streamKnownAt } from './known-at';
import { DependencyEntity } from '../dependencies/dependency.entity';
import { dependencyChanges, isDependencyEvent } from '../dependencies/dependency-changes';

export interface UpdateRoundView {
  roundId: string;
  title: string;
  openedOn: string;
  deadline: string;
  closedOn: string | null;
}

/**
 * A plan with its areas, priorities, actions and owners as they stood at one instant: the plan's
 * row as the read models hold it (`planRowChanges` builds both), with what belongs to it.
 */
export interface PlanView extends PlanEntity {
  /** The instant shown: events that occurred after it are not in the view. */
  asAt: string;
  /** Corrections recorded by this instant are applied; `asAt` itself when the view is what was known then. */
  knownAt: string;
  /** A business-date view: each action's rating, commentary and status as dated on or before this day; null for the recorded-time view. */
  asOfDate: CalendarDate | null;
  /** The newest store position among the events applied; a report names it so a reader can trace it. */
  lastPosition: bigint | null;
  /** When the event at `lastPosition` occurred: what a report is dated by, without looking that event up by position. */
  lastOccurredAt: string | null;
  areas: ImprovementArea[];
  priorities: RecoveryPriority[];
  updateRounds: UpdateRoundView[];
  /** Every action added by then, in plan order (ref), whatever its status. */
  actions: ActionView[];
  /** Everyone who owned an action by then, with the name, role and organisation last recorded. */
  owners: ActionOwner[];
  /** The scorecard's metrics defined by then, ordered by name. */
  metrics: MetricView[];
  /** The dependencies in force by then, in the order declared, as the read model holds them. */
  dependencies: DependencyEntity[];
  /** The dependency network's revision by then; null before the first dependency. */
  dependencyRevision: number | null;
}

export type PlanDraft = Omit<PlanView, 'actions' | 'owners' | 'metrics' | 'dependencies'> & {
  dependencies: Map<string, DependencyEntity>;
  actions: Map<string, ActionView>;
  owners: Map<string, ActionOwner>;
  metrics: Map<string, MetricView>;
};

/** Which view is folded: the instants of the recorded-time view, and the day of a business-date one. */
export type When = Pick<PlanView, 'asAt' | 'knownAt' | 'asOfDate'>;

/** A change to the plan's rows made to a plan held in memory, as the projection makes it to the read database. */
function applied(draft: PlanDraft | undefined, change: PlanRowChange, when: When): PlanDraft | undefined {
  if (change.kind === 'planCreated') {
    const { row, areas, priorities } = change;
    const withoutPlan = <T extends { planId: string }>({ planId, ...rest }: T) => rest;
    return {
      ...when,
      lastPosition: null,
      lastOccurredAt: null,
      ...row,
      areas: areas.map(withoutPlan),
      priorities: priorities.map(withoutPlan),
      updateRounds: [],
      dependencies: new Map(),
      dependencyRevision: null,
      actions: new Map(),
      owners: new Map(),
      metrics: new Map(),
    };
  }
  if (!draft) return draft;
  switch (change.kind) {
    case 'planChanged':
      return { ...draft, ...change.changes };
    case 'roundOpened': {
      const { roundId, title, openedOn, deadline, closedOn } = change.row;
      return { ...draft, updateRounds: [...draft.updateRounds, { roundId, title, openedOn, deadline, closedOn }] };
    }
    case 'roundClosed': {
      const { roundId, closedOn } = change;
      return { ...draft, updateRounds: draft.updateRounds.map((r) => (r.roundId === roundId ? { ...r, closedOn } : r)) };
    }
    default: {
      const unhandled: never = change;
      return unhandled;
    }
  }
}

function evolvePlan(draft: PlanDraft | undefined, event: ProjectedEvent & PlanEvent, when: When): PlanDraft | undefined {
  return planRowChanges(event).reduce<PlanDraft | undefined>((d, change) => applied(d, change, when), draft);
}

function apply(draft: PlanDraft | undefined, event: ProjectedEvent, when: When): PlanDraft | undefined {
  const concept = streamConcept(event.recorded.streamId);
  if (concept === 'plan') return evolvePlan(draft, event as ProjectedEvent & PlanEvent, when);
  if (!draft) return draft;
  if (concept === 'action') {
    const actionId = (event.data as { actionId: string }).actionId;
    const options: ActionFoldOptions = when.asOfDate === null ? {} : { asOfDate: when.asOfDate };
    const action = evolveActionView(draft.actions.get(actionId), event as ProjectedEvent & ActionEvent, options);
    if (!action) return draft;
    draft.actions.set(actionId, action);
    if (event.type === 'ActionAdded' || event.type === 'OwnerReassigned') draft.owners.set(action.owner.ownerId, action.owner);
    return draft;
  }
  if (concept === 'metric') {
    const metricId = (event.data as { metricId: string }).metricId;
    const metric = evolveMetricView(draft.metrics.get(metricId), event as ProjectedEvent & MetricEvent);
    if (metric) draft.metrics.set(metricId, metric);
    return draft;
  }
  if (isDependencyEvent(event)) {
    for (const change of dependencyChanges(event)) {
      if (change.kind === 'declared') draft.dependencies.set(`${change.row.actionId}/${change.row.dependsOnActionId}`, change.row);
      else if (change.kind === 'removed') draft.dependencies.delete(`${change.actionId}/${change.dependsOnActionId}`);
      else draft.dependencyRevision = change.revision;
    }
    const waiting = draft.actions.get(event.data.actionId);
    if (waiting) draft.actions.set(waiting.actionId, withLineFrom(waiting, event));
    return draft;
  }
  if (event.type === 'OwnerRenamed') {
    // Owners' streams of other plans may be read too: a rename changes only what names that owner.
    for (const [actionId, action] of draft.actions) draft.actions.set(actionId, withOwnerRenamed(action, event.data));
    const listed = draft.owners.get(event.data.ownerId);
    if (listed) draft.owners.set(listed.ownerId, renamedOwner(listed, event.data));
    return draft;
  }
  if (event.type === 'DecisionRecorded') {
    const action = draft.actions.get(event.data.actionId);
    if (action) draft.actions.set(action.actionId, withLineFrom(action, event));
  }
  return draft;
}

/**
 * A plan part-folded: the plan so far (undefined until it was created) and the newest store
 * position taken in, of any event (a rename outside the plan included). A fold may go on from it
 * only with events that all come after that position, or the order would differ from a fold from
 * the start.
 */
export interface PlanFold {
  draft: PlanDraft | undefined;
  boundary: bigint | null;
}

/** Events (in the order `bySlot` gives) applied to a copy of `from`, which is left as it was so a snapshot can be folded on again. */
export function foldOn(from: PlanFold | undefined, events: SlottedEvent[], when: When): PlanFold {
  const base = from?.draft;
  let draft: PlanDraft | undefined = base && {
    ...base,
    actions: new Map(base.actions),
    owners: new Map(base.owners),
    metrics: new Map(base.metrics),
    dependencies: new Map(base.dependencies),
  };
  let boundary = from?.boundary ?? null;
  for (const { recorded } of events) {
    if (boundary === null || recorded.position > boundary) boundary = recorded.position;
    const event = toProjectedEvent(recorded);
    draft = apply(draft, event, when);
    // A rename of someone who owns nothing in this plan is not part of its history.
    if (event.type === 'OwnerRenamed' && !draft?.owners.has(event.data.ownerId)) continue;
    if (draft && (draft.lastPosition === null || recorded.position > draft.lastPosition)) {
      draft.lastPosition = recorded.position;
      draft.lastOccurredAt = recorded.metadata.occurredAt;
    }
  }
  return { draft, boundary };
}

/** The view a fold stands for, shown at `when` (a fold from a snapshot carries the snapshot's instants until here). */
export function viewOfFold(fold: PlanFold, when: When): PlanView | undefined {
  const { draft } = fold;
  if (!draft) return undefined;
  const actions = [...draft.actions.values()].sort((a, b) => (a.refSortKey < b.refSortKey ? -1 : a.refSortKey > b.refSortKey ? 1 : 0));
  const metrics = [...draft.metrics.values()].sort((a, b) => (a.metric.name < b.metric.name ? -1 : a.metric.name > b.metric.name ? 1 : 0));
  const dependencies = [...draft.dependencies.values()].sort((a, b) => a.declaredRevision - b.declaredRevision);
  return { ...draft, ...when, actions, owners: [...draft.owners.values()], metrics, dependencies };
}

/**
 * Folds a plan's streams (the plan, its actions, meetings, metrics, dependency network and renamed owners) up to an instant. Events are
 * applied in global order, as the projections apply them, so with `knownAt` = `asAt` the answer
 * equals what the read models held at that instant. A later `knownAt` folds each correction
 * recorded by then straight after the update it supersedes. With `asOfDate`, the business-date view:
 * the same fold of everything recorded by `knownAt`, each action rated as its updates dated on or
 * before that day say (`ActionFoldOptions`). Undefined when the plan did not exist yet.
 */
export function planViewAt(streams: RecordedEvent[][], asAt: string, knownAt: string = asAt, asOfDate: CalendarDate | null = null): PlanView | undefined {
  const when: When = { asAt, knownAt, asOfDate };
  return viewOfFold(foldOn(undefined, streams.flatMap((s) => streamKnownAt(s, asAt, knownAt)).sort(bySlot), when), when);
}
