import { ActionState } from '../action/action.decider';
import { IMPROVEMENT_AREAS } from '../plan/improvement-areas';
import { PlanState } from '../plan/plan.decider';
import { InvalidValueError } from '../shared/domain-error';
import { requireText } from '../shared/guards';
import { FREQUENCIES, METRIC_UNITS, MetricDefinition, POLARITIES } from './metric.commands';
import { ActionNotInPlanError, NotOneOfError } from './metric.errors';

/** What a definition is checked against: the metric's plan, its areas and its actions. */
export interface MetricDefinitionScope {
  planId: string;
  plan?: PlanState;
  actions?: ActionState[];
}

const DEFAULT_AREA_NUMBERS = IMPROVEMENT_AREAS.map((a) => a.number);

export function requireOneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new NotOneOfError(field, allowed);
  return value as T;
}

function requireAreaNumbers(values: number[] | undefined, scope: MetricDefinitionScope): number[] {
  const list = Array.isArray(values) ? values : [];
  if (list.length === 0) {
    throw new InvalidValueError('areaNumbers', 'required', 'areaNumbers needs at least one improvement area the metric evidences');
  }
  const plan = scope.plan?.status === 'active' && scope.plan.planId === scope.planId ? scope.plan : undefined;
  const allowed = plan?.areaNumbers ?? DEFAULT_AREA_NUMBERS;
  for (const n of list) {
    if (!allowed.includes(n)) {
      throw new InvalidValueError('areaNumbers', 'areaInPlan', `Area ${n} is not one of the plan's improvement areas (${allowed.join(', ')})`);
    }
  }
  if (new Set(list).size !== list.length) throw new InvalidValueError('areaNumbers', 'unique', 'areaNumbers lists an area more than once');
  return [...list].sort((a, b) => a - b);
}

function requireActionIds(values: string[] | undefined, scope: MetricDefinitionScope): string[] {
  const list = values ?? [];
  if (new Set(list).size !== list.length) throw new InvalidValueError('actionIds', 'unique', 'actionIds lists an action more than once');
  for (const actionId of list) {
    const ofPlan = scope.actions?.some((a) => a.exists && a.actionId === actionId && a.planId === scope.planId);
    if (!ofPlan) throw new ActionNotInPlanError(actionId);
  }
  return [...list];
}

/** The definition as it will be recorded: trimmed, checked, areas in number order. */
export function requireDefinition(d: MetricDefinition, scope: MetricDefinitionScope): MetricDefinition {
  return {
    name: requireText('name', d.name),
    description: requireText('description', d.description),
    unit: requireOneOf('unit', d.unit, METRIC_UNITS),
    polarity: requireOneOf('polarity', d.polarity, POLARITIES),
    frequency: requireOneOf('frequency', d.frequency, FREQUENCIES),
    source: requireText('source', d.source),
    owner: requireText('owner', d.owner),
    areaNumbers: requireAreaNumbers(d.areaNumbers, scope),
    actionIds: requireActionIds(d.actionIds, scope),
  };
}

const sameSet = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** Linked actions are a set: listing them in another order changes nothing. */
export function sameDefinition(a: MetricDefinition, b: MetricDefinition): boolean {
  return (
    a.name === b.name &&
    a.description === b.description &&
    a.unit === b.unit &&
    a.polarity === b.polarity &&
    a.frequency === b.frequency &&
    a.source === b.source &&
    a.owner === b.owner &&
    sameSet(a.areaNumbers, b.areaNumbers) &&
    sameSet(a.actionIds, b.actionIds)
  );
}
