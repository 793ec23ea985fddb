import { Projection, ProjectedEvent } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { TimelineEntryEntity } from './timeline-entry.entity';
import { timelineLine } from './timeline-line';

export class TimelineProjection implements Projection {
  readonly name = 'timeline';

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    const line = timelineLine(event);
    if (line) rows.insert(TimelineEntryEntity, line);
  }
}
