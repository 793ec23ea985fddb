import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ChainHeadMailDetails } from '@send/domain';
import { ChainIntegrity, deterministicUuid } from '@send/event-store';
import { Clock } from '../common/clock';
import { AppConfig, ChainHeadMailsConfig, remindersConfig, RemindersConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { CHAIN_INTEGRITY } from '../infrastructure/event-store.provider';
import { ProjectionService } from '../infrastructure/projection.service';
import { createMailTransport, isPermanentFailure, MailTransport, messageIdFrom } from '../reminders/mail-transport';
import { ChainHeadMailLedgerService } from './chain-head-mail-ledger.service';
import { renderChainHeadMail } from './chain-head-mail.renderer';
import { DueChainHeadMail, DueChainHeadMailsService } from './due-chain-head-mails.service';

export interface ChainHeadMailRunSummary {
  /** Occasions due now, whatever became of them. */
  due: number;
  sent: number;
  failed: number;
  /** Sent before, given up, waiting for a retry, or claimed with no outcome: left alone. */
  alreadyHandled: number;
  /** Claimed by another instance during this run. */
  takenElsewhere: number;
  /** The area has no DfE adviser or board chair with an email address. */
  unaddressed: number;
  /** Not sent: the history has not been verified since start, or does not verify. */
  unverified: number;
}

export type ChainHeadMailOutcome = keyof Omit<ChainHeadMailRunSummary, 'due'>;

export interface ChainHeadMailRunOptions {
  onProgress?: (done: number, total: number, mail: DueChainHeadMail, outcome: ChainHeadMailOutcome) => void;
}

/**
 * Mails the verified chain head to each area's DfE adviser and board chair when one is due. Only
 * a head the history's own check vouched for is mailed: a head taken from a forged or unchecked
 * history would bless it.
 */
@Injectable()
export class ChainHeadMailSenderService implements OnApplicationShutdown {
  private readonly logger = new Logger('ChainHeadMails');
  readonly mail: RemindersConfig;
  readonly settings: ChainHeadMailsConfig;
  private transport: MailTransport | undefined;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CHAIN_INTEGRITY) private readonly integrity: ChainIntegrity,
    private readonly clock: Clock,
    private readonly occasions: DueChainHeadMailsService,
    private readonly ledger: ChainHeadMailLedgerService,
    private readonly projections: ProjectionService,
  ) {
    // The reminders' mail settings: one From, one server or outbox folder for every mail the tracker sends.
    this.mail = config.reminders ?? remindersConfig({}, config.dataDir, config.port);
    // Without settings (tests about other things) nothing is checked on a timer.
    this.settings = config.chainHeadMails ?? { scheduler: false, intervalMs: 60_000 };
  }

  /** One check now: catches the read models up (a meeting closed a moment ago is seen), then sends what is due. */
  async run(options: ChainHeadMailRunOptions = {}): Promise<ChainHeadMailRunSummary> {
    await this.projections.caughtUpToHead();
    const due = await this.occasions.due();
    const summary: ChainHeadMailRunSummary = { due: due.length, sent: 0, failed: 0, alreadyHandled: 0, takenElsewhere: 0, unaddressed: 0, unverified: 0 };
    for (const [index, mail] of due.entries()) {
      const outcome = await this.handle(mail);
      summary[outcome] += 1;
      options.onProgress?.(index + 1, due.length, mail, outcome);
    }
    return summary;
  }

  private async handle(due: DueChainHeadMail): Promise<ChainHeadMailOutcome> {
    const state = await this.ledger.state(due.key);
    const retryDue = state.status === 'failed' && state.retryAfter !== null && state.retryAfter <= this.clock.now();
    if (state.status !== 'absent' && !retryDue) return 'alreadyHandled';
    if (due.recipients.length === 0) return 'unaddressed';
    const verified = this.integrity.verifiedHead();
    if (!verified) {
      this.logger.debug(`Chain head mail ${due.key} waits: the history is ${this.integrity.snapshot().status.toLowerCase()}, so there is no verified head to mail.`);
      return 'unverified';
    }
    const head = { position: String(verified.position), hash: verified.hash };
    const details: ChainHeadMailDetails = {
      key: due.key,
      occasion: due.occasion,
      localAreaId: due.localAreaId,
      planId: due.planId,
      head,
      recipients: due.recipients,
      messageId: this.messageIdFor(due.key),
    };
    const attempt = await this.ledger.claim(details);
    if (attempt === undefined) return 'takenElsewhere';
    const sentAt = this.clock.now();
    const mail = renderChainHeadMail({ head, reason: due.reason, sentAt, verifiedAt: this.integrity.snapshot().lastCheckedAt, recipients: due.recipients });
    let accepted: string[];
    try {
      ({ accepted } = await this.mailer().send({
        ...mail,
        reminderId: `chain-head-${deterministicUuid('chain-head-mail', due.key)}`,
        from: this.mail.from,
        to: due.recipients,
        messageId: details.messageId,
        date: new Date(sentAt),
      }));
    } catch (error) {
      await this.ledger.recordFailed(due.key, attempt, error instanceof Error ? error.message : String(error), isPermanentFailure(error));
      return 'failed';
    }
    // Outside the try: a failure to record the send must not be recorded as a failed send, which would be retried.
    await this.ledger.recordSent(due.key, attempt, accepted, this.mailer().kind);
    return 'sent';
  }

  /** The same for every attempt, so a receiving server can tell a repeat; it names no stream. */
  messageIdFor(key: string): string {
    return messageIdFrom(this.mail.from, `chain-head-${deterministicUuid('chain-head-mail', key)}`);
  }

  private mailer(): MailTransport {
    this.transport ??= createMailTransport(this.mail.transport);
    return this.transport;
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
