import { metricStream, MetricDefined, MetricRevised } from '@send/domain';
import { EventStore, eventOf } from '@send/event-store';
import { ComparatorEntity, MeasurementEntity, MetricEntity, MetricTargetEntity, ScorecardLine } from '@send/read-models';
import type { MetricReader } from './plan-reader';
import { ComparatorValueModel, MeasurementModel, MetricDefinitionVersionModel, MetricModel, MetricTargetModel } from '../scorecard/models/metric.model';

// The scorecard's rows shaped for GraphQL, the same whether they came from the read database or
// from metrics folded as at an instant (which keep the same row shapes).

export const toMeasurementModel = (m: MeasurementEntity): MeasurementModel => ({
  id: m.measurementId,
  period: m.period,
  value: m.value,
  asAt: m.asAt,
  source: m.source,
  provisional: m.provisional,
  recordedAt: m.recordedAt,
  supersedes: m.supersedesMeasurementId,
  supersededBy: m.supersededByMeasurementId,
  correctionReason: m.correctionReason,
});

export const toTargetModel = ({ period, target, amberTolerance }: MetricTargetEntity): MetricTargetModel => ({ period, target, amberTolerance });

export const toComparatorValueModel = (c: Pick<ComparatorEntity, 'comparator' | 'neighbour' | 'period' | 'value' | 'source'>): ComparatorValueModel => ({
  comparator: c.comparator,
  neighbour: c.neighbour || null,
  period: c.period,
  value: c.value,
  source: c.source,
});

/** The series in period order, a correction after the figure it replaced. */
export const seriesOf = (rows: MeasurementEntity[], includeSuperseded: boolean): MeasurementModel[] =>
  rows.filter((m) => includeSuperseded || m.supersededByMeasurementId === null).map(toMeasurementModel);

/** A metric's definition as GraphQL shows it: from the metric's row, or from one MetricDefined or MetricRevised. */
const definitionFields = (d: Pick<MetricEntity, 'name' | 'description' | 'unit' | 'polarity' | 'frequency' | 'source' | 'owner' | 'areaNumbers' | 'actionIds'>) => ({
  name: d.name,
  description: d.description,
  unit: d.unit,
  polarity: d.polarity,
  frequency: d.frequency,
  source: d.source,
  owner: d.owner,
  areaNumbers: d.areaNumbers,
  actionIds: d.actionIds,
});

/** A scorecard line as GraphQL shows it, carrying the reader its series and history come from. */
export function toMetricModel(line: ScorecardLine, reader: MetricReader): MetricModel {
  const m = line.metric;
  return {
    id: m.metricId,
    planId: m.planId,
    ...definitionFields(m),
    definitionRevisions: m.revisions,
    revision: m.revision,
    latest: line.latest && toMeasurementModel(line.latest),
    previous: line.previous && toMeasurementModel(line.previous),
    baseline: line.baseline && toMeasurementModel(line.baseline),
    trend: line.trend,
    changeSinceBaseline: line.changeSinceBaseline,
    target: line.target,
    rag: line.rag,
    comparators: line.comparators.map(toComparatorValueModel),
    reader,
  };
}

/**
 * Every version of the definition, oldest first, straight from the metric's events (recorded by
 * `asAt` when one is given). Both readers use it: no read model keeps the earlier versions.
 */
export async function metricDefinitions(store: EventStore, metricId: string, asAt?: string): Promise<MetricDefinitionVersionModel[]> {
  const events = (await store.readStream(metricStream(metricId))).filter(
    (e) => (e.type === 'MetricDefined' || e.type === 'MetricRevised') && (asAt === undefined || e.metadata.occurredAt <= asAt),
  );
  return events.map((recorded, i) => {
    const event = eventOf<MetricDefined | MetricRevised>(recorded);
    return {
      version: i + 1,
      ...definitionFields(event.data),
      reason: event.type === 'MetricRevised' ? event.data.reason : null,
      recordedAt: recorded.metadata.occurredAt,
      recordedBy: recorded.metadata.actor?.displayName ?? recorded.metadata.actor?.userId ?? null,
    };
  });
}
