import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ChainHeadMailSenderService } from './chain-head-mail-sender.service';

/**
 * Checks on an interval which chain heads are due to be mailed, in every instance that has it
 * switched on: the claims in the chain head streams keep instances from sending twice.
 */
@Injectable()
export class ChainHeadMailSchedulerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ChainHeadMails');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly sender: ChainHeadMailSenderService) {}

  onApplicationBootstrap(): void {
    const { scheduler, intervalMs } = this.sender.settings;
    if (!scheduler) return;
    this.logger.log(`Checking for chain heads due to be mailed every ${intervalMs / 1000} s.`);
    this.timer = setInterval(() => void this.tick(), intervalMs);
    // The first check waits for the app to be up (and, with it, the history's first check to have begun).
    setImmediate(() => void this.tick());
  }

  /** One check, unless the previous one is still going (a slow mail server must not stack them up). */
  tick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.sender
      .run()
      .then((summary) => {
        if (summary.sent + summary.failed > 0) this.logger.log(`Chain head mails: ${summary.sent} sent, ${summary.failed} failed, ${summary.unaddressed} without an address.`);
      })
      .catch((error) => this.logger.error(`Chain head mail check failed; will try again: ${error instanceof Error ? error.message : error}`))
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
