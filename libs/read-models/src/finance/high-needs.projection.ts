import { Projection, ProjectedEvent } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { highNeedsChanges, isHighNeedsEvent } from './high-needs-changes';
import { HighNeedsForecastEntity } from './high-needs-forecast.entity';
import { HighNeedsPositionEntity } from './high-needs-position.entity';
import { HighNeedsTrajectoryEntity } from './high-needs-trajectory.entity';
import { HighNeedsYearEntity } from './high-needs-year.entity';

export class HighNeedsProjection implements Projection {
  readonly name = 'high-needs';

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    if (!isHighNeedsEvent(event)) return;
    for (const change of highNeedsChanges(event)) {
      switch (change.kind) {
        case 'positionStarted':
          rows.insert(HighNeedsPositionEntity, change.row);
          break;
        case 'revisionMoved':
          rows.update(HighNeedsPositionEntity, { planId: change.planId }, { revision: change.revision });
          break;
        case 'yearSet':
          rows.upsert(HighNeedsYearEntity, change.row);
          break;
        case 'forecastAdded':
          rows.insert(HighNeedsForecastEntity, change.row);
          break;
        case 'trajectorySet':
          rows.upsert(HighNeedsTrajectoryEntity, change.row);
          break;
        default: {
          const unhandled: never = change;
          return unhandled;
        }
      }
    }
  }
}
