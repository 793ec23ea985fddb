import { RecordedEvent } from '@send/event-store';
import { HIGH_NEEDS_EVENT_VERSIONS, HighNeedsEvent, HighNeedsFacts, Pence, TrajectoryPoint } from '@send/domain';
import { streamPrefixAt } from '../as-at/known-at';
import { toProjectedEvent } from '../projection/projection-runner';

/** One forecast as it was recorded, kept when a later one revises it: what the board was told when. */
export interface ForecastRecord {
  period: string;
  revision: number;
  forecastOutturn: Pence;
  commentary: string;
  /** When it was recorded, by the command's clock. */
  recordedAt: string;
  recordedBy: string | null;
}

/** The High Needs Block position of one plan as it stood at an instant. */
export interface HighNeedsView {
  facts: HighNeedsFacts;
  /** Every forecast ever recorded, oldest first, revisions included. */
  forecastHistory: ForecastRecord[];
  /** The stream's revision folded to: what a change must name as expectedRevision. */
  revision: number;
}

const isHighNeedsEvent = (event: { type: string }): event is HighNeedsEvent => Object.hasOwn(HIGH_NEEDS_EVENT_VERSIONS, event.type);

/**
 * The position folded from its one stream, up to `asAt` when given (what had occurred by then)
 * or to its last event. The live read and the as-at read are this one fold: there is no table to
 * keep in step, since a plan's position is a handful of events a quarter. Undefined before the
 * position was started.
 */
export function highNeedsViewAt(stream: RecordedEvent[], asAt?: string): HighNeedsView | undefined {
  const events = asAt === undefined ? stream : streamPrefixAt(stream, asAt);
  let view: HighNeedsView | undefined;
  for (const recorded of events) {
    const event = toProjectedEvent(recorded);
    if (!isHighNeedsEvent(event)) continue;
    const revision = Number(recorded.revision);
    if (event.type === 'HighNeedsPositionStarted') {
      const { planId, firstYear, openingCumulativeDeficit } = event.data;
      view = { facts: { planId, firstYear, openingCumulativeDeficit, years: [], forecasts: [], trajectory: [] }, forecastHistory: [], revision };
      continue;
    }
    if (!view) continue;
    view = { ...view, revision, facts: { ...view.facts } };
    switch (event.type) {
      case 'HighNeedsYearSet': {
        const { year, dsgAllocation, budget } = event.data;
        view.facts.years = [...view.facts.years.filter((y) => y.year !== year), { year, dsgAllocation, budget, revision: event.data.revision }];
        break;
      }
      case 'HighNeedsForecastRecorded': {
        const { period, forecastOutturn, commentary } = event.data;
        const record: ForecastRecord = {
          period,
          revision: event.data.revision,
          forecastOutturn,
          commentary,
          recordedAt: recorded.metadata.occurredAt,
          recordedBy: recorded.metadata.actor?.userId ?? null,
        };
        view.forecastHistory = [...view.forecastHistory, record];
        view.facts.forecasts = [...view.facts.forecasts.filter((f) => f.period !== period), { period, forecastOutturn, commentary, revision: record.revision, recordedAt: record.recordedAt }];
        break;
      }
      case 'DeficitTrajectorySet': {
        const point: TrajectoryPoint = { year: event.data.year, cumulativeDeficit: event.data.cumulativeDeficit, amberTolerance: event.data.amberTolerance };
        view.facts.trajectory = [...view.facts.trajectory.filter((t) => t.year !== point.year), point].sort((a, b) => a.year.localeCompare(b.year));
        break;
      }
      default: {
        const unhandled: never = event;
        return unhandled;
      }
    }
  }
  return view;
}
