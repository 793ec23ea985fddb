import { ActionState } from '../action/action.decider';
import { PlanState } from '../plan/plan.decider';
import { PlanNotFoundError } from '../plan/plan.errors';
import { CommandMetadata } from '../shared/command-metadata';
import { InvalidValueError } from '../shared/domain-error';
import { requirePastOrToday, requireText } from '../shared/guards';
import { requireDefinition, requireOneOf, sameDefinition } from './metric-definition';
import { requirePeriod } from './metric-period';
import { MetricTarget } from './metric-rag';
import { Comparator, COMPARATORS, DefineMetric, MetricCommand, MetricDefinition } from './metric.commands';
import {
  DefinitionUnchangedError,
  FrequencyFixedError,
  MeasurementAlreadyExistsError,
  MeasurementNotCurrentError,
  MeasurementNotFoundError,
  MetricAlreadyExistsError,
  MetricNotFoundError,
  NegativeToleranceError,
  NotFiniteError,
  PeriodAlreadyMeasuredError,
} from './metric.errors';
import { MetricEvent } from './metric.events';
import { comparatorKey, requireNeighbour } from './statistical-neighbour';

export interface MetricMeasurement {
  measurementId: string;
  period: string;
  value: number;
  asAt: string;
  source: string;
  provisional: boolean;
  /** The correction that replaced this figure; null while it is the period's current figure. */
  supersededBy: string | null;
}

export interface ComparatorValue {
  value: number;
  source: string;
}

export type MetricState =
  | { exists: false }
  | ({
      exists: true;
      metricId: string;
      planId: string;
      targets: Record<string, MetricTarget>;
      /** Every figure ever recorded, corrected ones included, in the order they were recorded. */
      measurements: MetricMeasurement[];
      /** By period, then by comparatorKey: a named neighbour is kept apart from the group's figure. */
      comparators: Record<string, Record<string, ComparatorValue>>;
    } & MetricDefinition);

export type ExistingMetric = Extract<MetricState, { exists: true }>;

/** Other streams a definition is checked against: the plan it belongs to and the actions it links. */
export interface MetricDecisionContext {
  plan?: PlanState;
  actions?: ActionState[];
}

export const initialMetricState = (): MetricState => ({ exists: false });

export function currentMeasurement(measurements: readonly MetricMeasurement[], period: string): MetricMeasurement | undefined {
  return measurements.find((m) => m.period === period && m.supersededBy === null);
}

export function evolveMetric(state: MetricState, event: MetricEvent): MetricState {
  if (event.type === 'MetricDefined') {
    return { exists: true, ...event.data, targets: {}, measurements: [], comparators: {} };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'MetricRevised': {
      const { metricId: _metricId, reason: _reason, ...definition } = event.data;
      return { ...state, ...definition };
    }
    case 'TargetSet': {
      const { period, target, amberTolerance } = event.data;
      return { ...state, targets: { ...state.targets, [period]: { target, amberTolerance } } };
    }
    case 'MeasurementRecorded': {
      const { metricId: _metricId, ...measurement } = event.data;
      return { ...state, measurements: [...state.measurements, { ...measurement, supersededBy: null }] };
    }
    case 'MeasurementCorrected': {
      const { metricId: _metricId, supersedesMeasurementId, reason: _reason, ...correction } = event.data;
      const kept = state.measurements.map((m) =>
        m.measurementId === supersedesMeasurementId ? { ...m, supersededBy: correction.measurementId } : m,
      );
      return { ...state, measurements: [...kept, { ...correction, supersededBy: null }] };
    }
    case 'ComparatorRecorded': {
      const { period, comparator, value, source, neighbour } = event.data;
      const forPeriod = { ...state.comparators[period], [comparatorKey(comparator, neighbour)]: { value, source } };
      return { ...state, comparators: { ...state.comparators, [period]: forPeriod } };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

function requireFinite(field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new NotFiniteError(field);
  return value;
}

function requireBoolean(field: string, value: boolean): boolean {
  if (typeof value !== 'boolean') throw new InvalidValueError(field, 'boolean', `${field} must be true or false`);
  return value;
}

function requireNewMeasurementId(state: ExistingMetric, measurementId: string): string {
  const id = requireText('measurementId', measurementId);
  if (state.measurements.some((m) => m.measurementId === id)) throw new MeasurementAlreadyExistsError(id);
  return id;
}

export function decideMetric(
  command: MetricCommand,
  state: MetricState,
  metadata: CommandMetadata,
  context: MetricDecisionContext = {},
): MetricEvent[] {
  if (command.type === 'DefineMetric') return decideDefine(command, state, context);
  if (!state.exists) throw new MetricNotFoundError(command.data.metricId);
  const { metricId, frequency } = state;

  switch (command.type) {
    case 'ReviseMetric': {
      const { metricId: _metricId, reason, ...proposed } = command.data;
      const definition = requireDefinition(proposed, { planId: state.planId, ...context });
      const why = requireText('reason', reason);
      if (sameDefinition(definition, state)) throw new DefinitionUnchangedError(state.name);
      // Recorded periods are written in the old frequency's format and would no longer parse or sort.
      const hasPeriods = state.measurements.length > 0 || Object.keys(state.targets).length > 0 || Object.keys(state.comparators).length > 0;
      if (definition.frequency !== frequency && hasPeriods) throw new FrequencyFixedError(state.name, frequency);
      return [{ type: 'MetricRevised', data: { metricId, ...definition, reason: why } }];
    }
    case 'SetTarget': {
      const d = command.data;
      const amberTolerance = d.amberTolerance ?? null;
      if (amberTolerance !== null && requireFinite('amberTolerance', amberTolerance) < 0) throw new NegativeToleranceError(amberTolerance);
      return [
        {
          type: 'TargetSet',
          data: { metricId, period: requirePeriod(frequency, d.period), target: requireFinite('target', d.target), amberTolerance },
        },
      ];
    }
    case 'RecordMeasurement': {
      const d = command.data;
      const measurementId = requireNewMeasurementId(state, d.measurementId);
      const period = requirePeriod(frequency, d.period);
      const current = currentMeasurement(state.measurements, period);
      if (current) throw new PeriodAlreadyMeasuredError(period, current.value);
      return [
        {
          type: 'MeasurementRecorded',
          data: {
            metricId,
            measurementId,
            period,
            value: requireFinite('value', d.value),
            asAt: requirePastOrToday('asAt', d.asAt, metadata.now),
            source: requireText('source', d.source),
            provisional: requireBoolean('provisional', d.provisional),
          },
        },
      ];
    }
    case 'CorrectMeasurement': {
      const d = command.data;
      const measurementId = requireNewMeasurementId(state, d.measurementId);
      const superseded = state.measurements.find((m) => m.measurementId === d.supersedesMeasurementId);
      if (!superseded) throw new MeasurementNotFoundError(d.supersedesMeasurementId);
      if (superseded.supersededBy !== null) throw new MeasurementNotCurrentError(superseded.measurementId, superseded.supersededBy);
      return [
        {
          type: 'MeasurementCorrected',
          data: {
            metricId,
            measurementId,
            supersedesMeasurementId: superseded.measurementId,
            period: superseded.period,
            value: requireFinite('value', d.value),
            asAt: requirePastOrToday('asAt', d.asAt, metadata.now),
            source: requireText('source', d.source),
            provisional: requireBoolean('provisional', d.provisional),
            reason: requireText('reason', d.reason),
          },
        },
      ];
    }
    case 'RecordComparator': {
      const d = command.data;
      const comparator = requireOneOf('comparator', d.comparator, COMPARATORS);
      return [
        {
          type: 'ComparatorRecorded',
          data: {
            metricId,
            period: requirePeriod(frequency, d.period),
            comparator,
            value: requireFinite('value', d.value),
            source: requireText('source', d.source),
            neighbour: requireNeighbour(comparator, d.neighbour),
          },
        },
      ];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function decideDefine(command: DefineMetric, state: MetricState, context: MetricDecisionContext): MetricEvent[] {
  const { metricId, planId, ...proposed } = command.data;
  const plan = context.plan;
  if (!plan || plan.status !== 'active' || plan.planId !== planId) throw new PlanNotFoundError(planId);
  if (state.exists) throw new MetricAlreadyExistsError(metricId);
  const definition = requireDefinition(proposed, { planId, plan, actions: context.actions });
  return [{ type: 'MetricDefined', data: { metricId, planId, ...definition } }];
}
