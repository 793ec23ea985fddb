import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@send/event-store';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { ProjectionService } from '../infrastructure/projection.service';
import { Metrics, ProjectionLag } from './metrics';

/** Counting stops here: far enough behind to be alarming, and a bounded read however far behind it is. */
export const PROJECTION_LAG_COUNT_LIMIT = 1000;

/**
 * How far the read models are behind the event store. Positions are opaque (EventStoreDB's are
 * byte offsets), so the lag is counted in events read after the read models' position, and in the
 * age of the oldest of them by the store's own commit time.
 */
@Injectable()
export class ProjectionLagProbe {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionService,
    metrics: Metrics,
  ) {
    metrics.trackProjectionLag(() => this.measure());
  }

  async measure(): Promise<ProjectionLag> {
    const position = await this.projections.readModelPosition();
    const behind = await this.store.readAll({ after: position, maxCount: PROJECTION_LAG_COUNT_LIMIT });
    if (behind.length === 0) return { eventsBehind: 0, seconds: 0 };
    const seconds = Math.max(0, (Date.now() - Date.parse(behind[0].recordedAt)) / 1000);
    return { eventsBehind: behind.length, seconds: Math.round(seconds * 1000) / 1000 };
  }
}
