import { MetricEvent } from '@send/domain';
import { evolveMetricView, MetricView } from '../as-at/metric-view';
import { ProjectedEvent } from '../projection/projection';
import { metricChanges } from './metric-changes';
import { MetricEntity } from './metric.entity';

/** The scorecard's one fold: what each metric event changes, and the in-memory metric built from those changes. */
let position = 0n;
function projected(revision: number, event: MetricEvent): ProjectedEvent & MetricEvent {
  position += 1n;
  const occurredAt = `2026-02-0${revision + 1}T09:00:00.000Z`;
  return {
    ...event,
    recorded: {
      id: `e${position}`,
      type: event.type,
      data: event.data as unknown as Record<string, unknown>,
      metadata: { schemaVersion: 1, occurredAt },
      streamId: 'metric-mainstream',
      revision: BigInt(revision),
      position,
      recordedAt: occurredAt,
    },
  } as ProjectedEvent & MetricEvent;
}

const definition = {
  name: 'Children with an EHCP in mainstream schools', description: 'd', unit: 'PERCENT', polarity: 'HIGHER_IS_BETTER', frequency: 'MONTHLY',
  source: 'SEN2', owner: 'SEND and AP Lead', areaNumbers: [4], actionIds: [],
} as const;
const figure = { metricId: 'mainstream', period: '2026-01', asAt: '2026-01-31', source: 'SEN2', provisional: false };
const history = [
  projected(0, { type: 'MetricDefined', data: { metricId: 'mainstream', planId: 'p', ...definition, areaNumbers: [4], actionIds: [] } }),
  projected(1, { type: 'MeasurementRecorded', data: { ...figure, measurementId: 'm1', value: 41.4 } }),
  projected(2, { type: 'TargetSet', data: { metricId: 'mainstream', period: '2026-01', target: 40, amberTolerance: 1 } }),
  projected(3, { type: 'MeasurementCorrected', data: { ...figure, measurementId: 'm2', supersedesMeasurementId: 'm1', value: 40.9, reason: 'Final return' } }),
  projected(4, { type: 'TargetSet', data: { metricId: 'mainstream', period: '2026-01', target: 42, amberTolerance: null } }),
  projected(5, { type: 'MetricRevised', data: { metricId: 'mainstream', reason: 'Owner moved', ...definition, owner: 'Head of SEND', areaNumbers: [4], actionIds: [] } }),
  projected(6, { type: 'ComparatorRecorded', data: { metricId: 'mainstream', period: '2026-01', comparator: 'ENGLAND', value: 38, source: 'DfE', neighbour: null } }),
];
const fold = (events = history): MetricView | undefined => events.reduce<MetricView | undefined>(evolveMetricView, undefined);
const defined = (): MetricEntity => fold(history.slice(0, 1))!.metric;

describe('metricChanges', () => {
  it('marks the figure a correction supersedes, beside adding the correction', () => {
    const changes = metricChanges(defined(), history[3]);
    expect(changes.map((c) => c.kind)).toEqual(['measurementAdded', 'measurementSuperseded', 'metricChanged']);
    expect(changes[1]).toEqual({ kind: 'measurementSuperseded', measurementId: 'm1', supersededByMeasurementId: 'm2' });
  });

  it('moves the metric to the revision of every event, and counts revisions of the definition only', () => {
    expect(metricChanges(defined(), history[6]).at(-1)).toEqual({ kind: 'metricChanged', metricId: 'mainstream', changes: { revision: 6 } });
    expect(metricChanges(defined(), history[5])).toEqual([
      { kind: 'metricChanged', metricId: 'mainstream', changes: expect.objectContaining({ owner: 'Head of SEND', revisions: 1, revision: 5 }) },
    ]);
  });

  it('keys periods by the metric\'s frequency, so they sort in time order', () => {
    expect(metricChanges(defined(), history[2])[0]).toMatchObject({ kind: 'targetSet', row: { period: '2026-01', periodKey: expect.any(String) } });
  });

  it('changes nothing for an event about a metric not defined yet', () => {
    expect(metricChanges(undefined, history[1])).toEqual([]);
  });
});

describe('evolveMetricView', () => {
  it('holds what the read models hold: both figures, the first superseded; the latest target and comparator per period', () => {
    const view = fold()!;
    expect(view.measurements.map((m) => [m.measurementId, m.value, m.supersededByMeasurementId, m.supersedesMeasurementId])).toEqual([
      ['m1', 41.4, 'm2', null],
      ['m2', 40.9, null, 'm1'],
    ]);
    expect(view.targets.map((t) => [t.period, t.target, t.amberTolerance])).toEqual([['2026-01', 42, null]]);
    expect(view.comparators.map((c) => [c.comparator, c.value])).toEqual([['ENGLAND', 38]]);
    expect(view.metric).toMatchObject({ owner: 'Head of SEND', revisions: 1, revision: 6 });
  });

  it('has no metric before its definition', () => {
    expect(fold(history.slice(1))).toBeUndefined();
  });
});
