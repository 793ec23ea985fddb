import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HistoryBreakDetails, historyBreakId, isStreamOf } from '@send/domain';
import { ChainBreak, ChainIntegrity, EventStore, IncrementalChainVerifier } from '@send/event-store';
import { Clock } from '../common/clock';
import { AppConfig, DEFAULT_HISTORY_CHECKS, HistoryChecksConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { CHAIN_INTEGRITY, EVENT_STORE } from '../infrastructure/event-store.provider';
import { Metrics } from '../observability/metrics';
import { nextStepsAfterBreak } from './after-a-break';
import { HistoryBreakAlert } from './history-break-alert.service';
import { HistoryBreakCommands } from './history-break-commands.service';

export const breakDetailsOf = (found: ChainBreak): HistoryBreakDetails => ({
  breakId: historyBreakId(found.position, found.kind),
  kind: found.kind,
  position: String(found.position),
  streamId: found.streamId ?? null,
  revision: found.revision === undefined ? null : String(found.revision),
  eventId: found.eventId ?? null,
  message: found.message,
});

/**
 * Keeps the history verified while the api runs: the whole of it at start, then every few
 * seconds only what was appended since, and the whole of it again every hour, which finds an
 * event edited in place after it was verified. Reads check each event's own hash as well (the
 * verifying store), and a break one of them finds is confirmed here at once with a full check.
 *
 * A break is then an incident: logged once as a SECURITY error, recorded in the history (which
 * makes one instance, not each, mail the DfE adviser and the programme office), shown on every
 * answer, and every write is refused until the programme office acknowledges it.
 */
@Injectable()
export class HistoryIntegrityMonitor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('HistoryCheck');
  private readonly chains: IncrementalChainVerifier;
  private readonly settings: HistoryChecksConfig;
  private timer: NodeJS.Timeout | undefined;
  private stopListening: (() => void) | undefined;
  private queue: Promise<void> = Promise.resolve();
  private waiting: { full: boolean } | undefined;
  private stopping = false;
  private lastFullCheck = 0;
  /** Another instance recorded a break: confirm it with a full check of our own. */
  private breakRecordedElsewhere = false;
  /** The break this process has logged and recorded, so each is told once. */
  private told: string | undefined;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CHAIN_INTEGRITY) private readonly integrity: ChainIntegrity,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
    private readonly breaks: HistoryBreakCommands,
    private readonly alert: HistoryBreakAlert,
  ) {
    this.chains = new IncrementalChainVerifier(store, { acceptUnchainedHistory: config.eventStore.type === 'esdb' });
    this.settings = config.historyChecks ?? DEFAULT_HISTORY_CHECKS;
    metrics.trackIntegrity(() => integrity.snapshot());
  }

  onApplicationBootstrap(): void {
    // A read found an event that no longer matches its hash: find the first break now, not within the hour.
    this.stopListening = this.integrity.onBreak(() => this.schedule(true));
    // After start-up, so the first full check delays no request and no start.
    setImmediate(() => this.schedule(true));
    this.timer = setInterval(() => this.schedule(false), this.settings.intervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    this.stopListening?.();
    await this.queue;
  }

  /** Runs the next check (now, or after the one running); a check already waiting is not queued twice. */
  schedule(full: boolean): Promise<void> {
    if (this.stopping) return this.queue;
    if (this.waiting) {
      this.waiting.full ||= full;
      return this.queue;
    }
    const waiting = { full };
    this.waiting = waiting;
    this.queue = this.queue.then(async () => {
      this.waiting = undefined;
      if (this.stopping) return;
      await this.check(waiting.full).catch((error: unknown) => {
        // Shutting down closes the store under the check: nothing was found, nothing to say.
        if (!this.stopping) this.logger.warn(`Could not verify the history (run npm run verify): ${error instanceof Error ? error.message : error}`);
      });
    });
    return this.queue;
  }

  private async check(asked: boolean): Promise<void> {
    const full = asked || this.breakRecordedElsewhere || Date.now() - this.lastFullCheck >= this.settings.fullIntervalMs;
    if (this.integrity.isBroken() && !full) {
      // A broken history cannot be verified onwards; until a full check, follow what is done about the break.
      await this.followBreak();
      return;
    }
    const first = this.lastFullCheck === 0;
    const result = await this.chains.verify({
      full,
      onEvent: (event) => {
        if (event.type === 'HistoryBreakDetected' && isStreamOf('historyBreak', event.streamId)) this.breakRecordedElsewhere = true;
      },
    });
    if (full) {
      this.lastFullCheck = Date.now();
      this.breakRecordedElsewhere = false;
    }
    const now = this.clock.now();
    this.metrics.recordVerification(result.ok, result.head?.position, new Date());
    if (result.ok) {
      if (this.integrity.verified(result.head, now)) {
        this.logger.warn(`The history verifies again (${result.eventsChecked} events): the altered events were put back as they were recorded. Break ${this.told} stays in its record.`);
        this.told = undefined;
      }
      if (first) this.logger.log(`History verified at start: ${result.eventsChecked} events; both hash chains hold.`);
    } else {
      this.integrity.confirmed(result.firstBreak!, now);
    }
    if (this.integrity.isBroken()) await this.followBreak();
  }

  /** Tells a new break once (log, record, alert), then keeps up with its acknowledgement and its alert's retries. */
  private async followBreak(): Promise<void> {
    const found = this.integrity.snapshot().firstBreak!;
    const details = breakDetailsOf(found);
    if (this.told !== details.breakId) {
      this.told = details.breakId;
      this.logger.error(
        `SECURITY: the recorded history does not verify: ${found.kind} at position ${found.position}${found.streamId ? ` (stream ${found.streamId}, revision ${found.revision})` : ''}. ${found.message} Every answer is now marked unverified and writes are refused until the programme office acknowledges the break (break ${details.breakId}). What to do now: ${nextStepsAfterBreak(found.position, found.kind)
          .map((step, i) => `${i + 1}. ${step}`)
          .join(' ')}`,
      );
      if (await this.breaks.record(details)) await this.sendAlert(details, 1);
    }
    const state = await this.breaks.state(details.breakId);
    if (state.status === 'absent') return;
    if (state.status === 'acknowledged' && !this.integrity.snapshot().acknowledgement) {
      this.integrity.acknowledged(state.acknowledgement!);
      this.logger.warn(`History break ${details.breakId} acknowledged by ${state.acknowledgement!.acknowledgedBy}: writing goes on over the broken history. Reason: ${state.acknowledgement!.reason}`);
    }
    const alert = state.alert;
    if (alert.status === 'failed' && alert.retryAfter !== null && alert.retryAfter <= this.clock.now() && (await this.breaks.claimRetry(details.breakId))) {
      await this.sendAlert(details, alert.attempt + 1);
    }
  }

  private async sendAlert(details: HistoryBreakDetails, attempt: number): Promise<void> {
    const outcome = await this.alert.send(details, this.clock.now(), attempt);
    if (outcome.sent) {
      await this.breaks.alertSent(details.breakId, outcome.recipients, outcome.accepted, outcome.transport, outcome.messageId);
      this.logger.warn(`History break ${details.breakId}: alert mailed to ${outcome.recipients.length} DfE adviser and programme office address(es).`);
    } else {
      await this.breaks.alertFailed(details.breakId, outcome.error, outcome.permanent);
      const line = `History break ${details.breakId}: the alert mail could not be sent (${outcome.error})${outcome.permanent ? '' : '; it is tried again later'}.`;
      // Nobody to send it to is the deployment's setting, said once; a mail server failing is an incident of its own.
      if (outcome.nobody) this.logger.warn(line);
      else this.logger.error(`SECURITY: ${line}`);
    }
  }
}
