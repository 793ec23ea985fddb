import { HIGH_NEEDS_EVENT_VERSIONS, HighNeedsEvent } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';
import { HighNeedsForecastEntity } from './high-needs-forecast.entity';
import { HighNeedsPositionEntity } from './high-needs-position.entity';
import { HighNeedsTrajectoryEntity } from './high-needs-trajectory.entity';
import { HighNeedsYearEntity } from './high-needs-year.entity';

/**
 * What one High Needs event does to the rows. The live projection writes these to the read
 * database; the as-at view applies the same list to rows held in memory, so an event is taught to
 * the position once.
 */
export type HighNeedsChange =
  | { kind: 'positionStarted'; row: HighNeedsPositionEntity }
  | { kind: 'revisionMoved'; planId: string; revision: number }
  | { kind: 'yearSet'; row: HighNeedsYearEntity }
  | { kind: 'forecastAdded'; row: HighNeedsForecastEntity }
  | { kind: 'trajectorySet'; row: HighNeedsTrajectoryEntity };

export const isHighNeedsEvent = (event: ProjectedEvent): event is ProjectedEvent & HighNeedsEvent => Object.hasOwn(HIGH_NEEDS_EVENT_VERSIONS, event.type);

export function highNeedsChanges(event: ProjectedEvent & HighNeedsEvent): HighNeedsChange[] {
  const revision = Number(event.recorded.revision);
  const { planId } = event.data;
  const moved: HighNeedsChange = { kind: 'revisionMoved', planId, revision };
  switch (event.type) {
    case 'HighNeedsPositionStarted':
      return [{ kind: 'positionStarted', row: { planId, firstYear: event.data.firstYear, openingCumulativeDeficit: event.data.openingCumulativeDeficit, revision } }];
    case 'HighNeedsYearSet': {
      const { year, dsgAllocation, budget } = event.data;
      return [moved, { kind: 'yearSet', row: { planId, year, dsgAllocation, budget, revision: event.data.revision } }];
    }
    case 'HighNeedsForecastRecorded': {
      const { period, forecastOutturn, commentary } = event.data;
      const { occurredAt, actor } = event.recorded.metadata;
      return [moved, { kind: 'forecastAdded', row: { planId, period, revision: event.data.revision, forecastOutturn, commentary, recordedAt: occurredAt, recordedBy: actor?.userId ?? null } }];
    }
    case 'DeficitTrajectorySet': {
      const { year, cumulativeDeficit, amberTolerance } = event.data;
      return [moved, { kind: 'trajectorySet', row: { planId, year, cumulativeDeficit, amberTolerance } }];
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
