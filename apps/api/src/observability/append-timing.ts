import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@send/event-store';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { Metrics } from './metrics';
import { timeAppends } from './timed-appends';

/**
 * Times every append of the app's event store. Observability sets this up on the store rather than
 * the store's provider asking for the metrics, so the infrastructure folder knows nothing of
 * observability, which watches it (health, projection lag) from above.
 */
@Injectable()
export class AppendTiming {
  constructor(@Inject(EVENT_STORE) store: EventStore, metrics: Metrics) {
    timeAppends(store, metrics.appendDuration);
  }
}
