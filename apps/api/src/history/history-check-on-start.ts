import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EventStore, IncrementalChainVerifier } from '@send/event-store';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { nextStepsAfterBreak } from './after-a-break';

/**
 * Verifies both hash chains once when the api starts, so an edit made to the files while it was
 * stopped is told to whoever reads the log, not only to someone who thinks to run a check. It runs
 * after start-up with its own verifier: it yields between pages, delays no request, and leaves
 * verifyHistory's first check to hash the whole store as documented.
 */
@Injectable()
export class HistoryCheckOnStart implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('HistoryCheck');
  private running: Promise<void> | undefined;
  private stopping = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    setImmediate(() => {
      if (!this.stopping) this.running = this.check();
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  private async check(): Promise<void> {
    try {
      const verifier = new IncrementalChainVerifier(this.store, { acceptUnchainedHistory: this.config.eventStore.type === 'esdb' });
      const result = await verifier.verify({ full: true });
      const found = result.firstBreak;
      if (!found) {
        this.logger.log(`History verified at start: ${result.eventsChecked} events; both hash chains hold.`);
        return;
      }
      this.logger.error(
        `SECURITY: the recorded history does not verify: ${found.kind} at position ${found.position}${found.streamId ? ` (stream ${found.streamId}, revision ${found.revision})` : ''}. ${found.message} What to do now: ${nextStepsAfterBreak(found.position, found.kind)
          .map((step, i) => `${i + 1}. ${step}`)
          .join(' ')}`,
      );
    } catch (error) {
      // Shutting down closes the store under the check: nothing was found, nothing to say.
      if (this.stopping) return;
      this.logger.warn(`Could not verify the history at start (run npm run verify): ${error instanceof Error ? error.message : error}`);
    }
  }
}
