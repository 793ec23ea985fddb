import { Frequency, MeasurementCorrected, MeasurementRecorded, periodSortKey } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';
import { MeasurementEntity } from './measurement.entity';

/** The row a recorded or corrected figure becomes: the same for the read model and for an as-at view. */
export function measurementRow(event: ProjectedEvent & (MeasurementRecorded | MeasurementCorrected), planId: string, frequency: Frequency): MeasurementEntity {
  const d = event.data;
  const corrected = event.type === 'MeasurementCorrected' ? event.data : null;
  return {
    measurementId: d.measurementId,
    metricId: d.metricId,
    planId,
    period: d.period,
    periodKey: periodSortKey(frequency, d.period),
    value: d.value,
    asAt: d.asAt,
    source: d.source,
    provisional: d.provisional,
    supersedesMeasurementId: corrected?.supersedesMeasurementId ?? null,
    supersededByMeasurementId: null,
    correctionReason: corrected?.reason ?? null,
    recordedAt: event.recorded.metadata.occurredAt,
  };
}
