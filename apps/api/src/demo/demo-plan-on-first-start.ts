import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EventStore } from '@send/event-store';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { Clock } from '../common/clock';
import { PlanCommandService } from '../commands/plan-command.service';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { ProjectionService } from '../infrastructure/projection.service';
import { loadDemoPlan } from './demo-plan.loader';

/** On the very first start (an empty event store) the demo plan is written, so there is something to see. */
@Injectable()
export class DemoPlanOnFirstStart implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoPlan');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: PlanCommandService,
    private readonly projections: ProjectionService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.loadDemoPlan) return;
    if ((await this.store.headPosition()) !== undefined) {
      this.logger.log('Event store already holds data; the demo plan is not loaded again.');
      return;
    }
    const started = Date.now();
    this.logger.log('Empty event store: loading the demo plan through the normal commands…');
    let lastShown = -1;
    const summary = await loadDemoPlan(this.commands, this.clock.today(), (done, total) => {
      const percent = Math.floor((100 * done) / total);
      if (percent >= lastShown + 20 || done === total) {
        lastShown = percent;
        this.logger.log(`  demo plan: ${done}/${total} steps (${percent}%)`);
      }
    });
    await this.projections.caughtUpToHead();
    this.logger.log(
      `Demo plan loaded: ${summary.actions} actions, ${summary.events} events in ${Date.now() - started} ms (plan id "${summary.planId}").`,
    );
  }
}
