import { ActionEvent, IMPROVEMENT_AREAS, MetricEvent, PlanEvent, RECOVERY_PRIORITIES } from '@send/domain';
import { RecordedEvent } from '@send/event-store';
import { planViewAt } from './plan-view';

/**
 * Two times on every update: `asAt` picks what had happened by then, `knownAt` adds the
 * corrections recorded later. Built from stored events by hand, so each time is exact.
 */
const actionId = 'action-8-2';
let position = 0n;
const revisions = new Map<string, number>();
function stored(streamId: string, occurredAt: string, event: PlanEvent | ActionEvent | MetricEvent): RecordedEvent {
  const revision = revisions.get(streamId) ?? 0;
  revisions.set(streamId, revision + 1);
  position += 1n;
  return {
    id: `e${position}`,
    ...event,
    data: event.data as unknown as Record<string, unknown>,
    metadata: { schemaVersion: 1, occurredAt },
    streamId,
    revision: BigInt(revision),
    position,
    recordedAt: occurredAt,
  };
}

const plan = [
  stored('plan-p', '2026-01-01T09:00:00.000Z', {
    type: 'PlanCreated',
    data: {
      planId: 'p',
      localArea: { id: 'area', name: 'Area' },
      title: 'Plan',
      version: '2.0',
      approvedOn: '2025-09-18',
      staleAfterDays: 45,
      areas: [...IMPROVEMENT_AREAS],
      priorities: [...RECOVERY_PRIORITIES],
    },
  }),
];
const owner = { ownerId: 'o', name: 'Rachel Whitfield', role: 'Finance Lead – High Needs', organisation: 'Council' };
const report = (rag: 'RED' | 'AMBER' | 'GREEN', asAt: string, commentary: string): ActionEvent => ({
  type: 'ProgressReported',
  data: { actionId, rag, previousRag: 'NOT_YET_RATED', commentary, asAt },
});
const correction = (supersedesRevision: number, rag: 'RED' | 'AMBER' | 'GREEN', was: 'RED' | 'AMBER' | 'GREEN', replacesCurrent: boolean): ActionEvent => ({
  type: 'ProgressCorrected',
  data: {
    actionId,
    supersedesRevision,
    rag,
    commentary: `Corrected to ${rag}`,
    asAt: '2026-02-02',
    reason: 'Wrong quarter',
    superseded: { rag: was, commentary: 'x', asAt: '2026-02-02' },
    replacesCurrent,
  },
});
const stream = 'action-8-2';
const action = [
  stored(stream, '2026-01-05T09:00:00.000Z', {
    type: 'ActionAdded',
    data: { actionId, planId: 'p', ref: '8.2', areaNumber: 8, priorityNumbers: [7], title: 'Deficit recovery', description: 'd', intendedImpact: 'i', owner, leadOrganisation: 'Council', dueDate: '2026-12-31' },
  }),
  stored(stream, '2026-02-02T10:00:00.000Z', report('GREEN', '2026-02-02', 'On track')), // revision 1
  // The board meets and closes at 17:00 on 16 February.
  stored(stream, '2026-02-20T09:00:00.000Z', report('AMBER', '2026-02-20', 'Slipping')), // revision 2
  stored(stream, '2026-02-25T09:00:00.000Z', correction(1, 'RED', 'GREEN', false)), // revision 3
  stored(stream, '2026-03-01T09:00:00.000Z', correction(3, 'AMBER', 'RED', false)), // revision 4
];
const figure = { metricId: 'mainstream', period: '2026-01', asAt: '2026-01-31', source: 'SEN2', provisional: false };
const metric = [
  stored('metric-mainstream', '2026-01-05T09:00:00.000Z', {
    type: 'MetricDefined',
    data: {
      metricId: 'mainstream', planId: 'p', name: 'Children with an EHCP in mainstream schools', description: 'd', unit: 'PERCENT',
      polarity: 'HIGHER_IS_BETTER', frequency: 'MONTHLY', source: 'SEN2', owner: 'SEND and AP Lead', areaNumbers: [4], actionIds: [],
    },
  }),
  stored('metric-mainstream', '2026-02-03T09:00:00.000Z', { type: 'MeasurementRecorded', data: { ...figure, measurementId: 'm1', value: 41.4 } }),
  stored('metric-mainstream', '2026-02-27T09:00:00.000Z', {
    type: 'MeasurementCorrected',
    data: { ...figure, measurementId: 'm2', supersedesMeasurementId: 'm1', value: 40.9, reason: 'Final SEN2 return' },
  }),
];
const streams = [plan, action, metric];
const MEETING = '2026-02-16T17:00:00.000Z';
const rated = (asAt: string, knownAt?: string) => {
  const view = planViewAt(streams, asAt, knownAt)!;
  const a = view.actions[0];
  return { rag: a.rag, commentary: a.latestCommentary, timeline: a.timeline.map((t) => t.revision), knownAt: view.knownAt };
};

describe('planViewAt with knownAt', () => {
  it('defaults to what had been recorded by the instant shown', () => {
    expect(rated(MEETING)).toEqual({ rag: 'GREEN', commentary: 'On track', timeline: [0, 1], knownAt: MEETING });
    expect(planViewAt(streams, MEETING, MEETING)).toEqual(planViewAt(streams, MEETING));
  });

  it('applies a later correction of an update the view holds, straight after it', () => {
    expect(rated(MEETING, '2026-02-26T00:00:00.000Z')).toEqual({ rag: 'RED', commentary: 'Corrected to RED', timeline: [0, 1, 3], knownAt: '2026-02-26T00:00:00.000Z' });
  });

  it('follows a chain of corrections to the latest one known', () => {
    expect(rated(MEETING, '2026-03-02T00:00:00.000Z')).toMatchObject({ rag: 'AMBER', commentary: 'Corrected to AMBER', timeline: [0, 1, 3, 4] });
  });

  it('leaves out updates recorded after the instant shown, even when they are known', () => {
    expect(rated(MEETING, '2026-03-02T00:00:00.000Z').timeline).not.toContain(2);
  });

  it('keeps a correction of a replaced update out of the current rating, as the read models do', () => {
    expect(rated('2026-03-02T00:00:00.000Z')).toEqual({ rag: 'AMBER', commentary: 'Slipping', timeline: [0, 1, 2, 3, 4], knownAt: '2026-03-02T00:00:00.000Z' });
  });

  it('leaves a correction known only after knownAt out', () => {
    expect(rated(MEETING, '2026-02-24T00:00:00.000Z')).toMatchObject({ rag: 'GREEN', timeline: [0, 1] });
  });

  it('applies a later correction of a scorecard figure the view holds', () => {
    const figures = (knownAt?: string) =>
      planViewAt(streams, MEETING, knownAt)!.metrics[0].measurements.map((m) => [m.measurementId, m.value, m.supersededByMeasurementId]);
    expect(figures()).toEqual([['m1', 41.4, null]]);
    expect(figures('2026-03-02T00:00:00.000Z')).toEqual([
      ['m1', 41.4, 'm2'],
      ['m2', 40.9, null],
    ]);
  });
});
