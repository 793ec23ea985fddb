import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Metrics } from '../observability/metrics';
import { ReminderSenderService } from './reminder-sender.service';

/**
 * Checks on an interval what reminders are due, by the injected clock, in every instance that
 * has it switched on: the claims in the reminder streams keep instances from sending twice.
 */
@Injectable()
export class ReminderSchedulerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Reminders');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly sender: ReminderSenderService,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    const { scheduler, intervalMs, transport } = this.sender.settings;
    if (!scheduler) return;
    this.logger.log(`Checking for due reminders every ${intervalMs / 1000} s; mail goes ${transport.type === 'smtp' ? 'over SMTP' : `to ${transport.dir}`}.`);
    this.timer = setInterval(() => void this.tick(), intervalMs);
    // Not on the startup path itself: the first check waits for the app to be up.
    setImmediate(() => void this.tick());
  }

  /** One check, unless the previous one is still going (a slow mail server must not stack them up). */
  tick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.sender
      .run()
      .then((summary) => {
        if (summary.sent + summary.failed > 0) this.logger.log(`Reminders: ${summary.sent} sent, ${summary.failed} failed, ${summary.unaddressed} without an address.`);
      })
      .catch((error) => {
        this.metrics.reminderFailures.inc({ stage: 'check' });
        this.logger.error(`Reminder check failed; will try again: ${error instanceof Error ? error.message : error}`);
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** Lets a check in progress record what it sent before the store closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
