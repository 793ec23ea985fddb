import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ReminderDetails } from '@send/domain';
import { ReminderEntity } from '@send/read-models';
import { Clock } from '../common/clock';
import { AppConfig, remindersConfig, RemindersConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { ProjectionService } from '../infrastructure/projection.service';
import { Metrics } from '../observability/metrics';
import { actionRefsOf, DueReminder, dueReminders } from './due-reminders';
import { createMailTransport, isPermanentFailure, MailTransport } from './mail-transport';
import { ReminderLedgerService } from './reminder-ledger.service';
import { renderReminderMail } from './reminder-mail.renderer';
import { ReminderSituationService } from './reminder-situation.service';

export interface ReminderRunSummary {
  /** Reminders due today, whatever became of them. */
  due: number;
  sent: number;
  failed: number;
  /** Sent before, given up, waiting for a retry, or with a claim and no outcome: left alone. */
  alreadyHandled: number;
  /** Claimed by another instance during this run. */
  takenElsewhere: number;
  /** Nobody they are for has an email address. */
  unaddressed: number;
  /** Dry run: would have been sent. */
  wouldSend: number;
}

export type ReminderOutcome = keyof Omit<ReminderRunSummary, 'due'>;

export interface ReminderRunOptions {
  dryRun?: boolean;
  onProgress?: (done: number, total: number, reminder: DueReminder, outcome: ReminderOutcome) => void;
}

/** Works out which reminders are due and sends each one that nobody has claimed yet. */
@Injectable()
export class ReminderSenderService implements OnApplicationShutdown {
  readonly settings: RemindersConfig;
  private transport: MailTransport | undefined;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
    private readonly situation: ReminderSituationService,
    private readonly ledger: ReminderLedgerService,
    private readonly projections: ProjectionService,
    private readonly dataSource: DataSource,
    private readonly metrics: Metrics,
  ) {
    // Without reminder settings (tests about other things) the defaults apply, with nothing on a timer.
    this.settings = config.reminders ?? { ...remindersConfig({}, config.dataDir, config.port), scheduler: false };
  }

  /** Due today, for one plan or all; a run first catches the read models up, so a round opened a moment ago is seen. */
  async due(planIds?: string[], options: { catchUp?: boolean } = {}): Promise<DueReminder[]> {
    if (options.catchUp !== false) await this.projections.caughtUpToHead();
    return dueReminders(await this.situation.current(this.settings, planIds));
  }

  async run(options: ReminderRunOptions = {}): Promise<ReminderRunSummary> {
    const due = await this.due();
    // Sent and given-up reminders are settled for good, so the read model may say so; anything else is read from its stream.
    const rows = due.length === 0 ? [] : await this.dataSource.getRepository(ReminderEntity).find({ where: { reminderId: In(due.map((r) => r.reminderId)) } });
    const settled = new Set(rows.filter((r) => r.status === 'SENT' || r.status === 'GAVE_UP').map((r) => r.reminderId));
    const summary: ReminderRunSummary = { due: due.length, sent: 0, failed: 0, alreadyHandled: 0, takenElsewhere: 0, unaddressed: 0, wouldSend: 0 };
    for (const [index, reminder] of due.entries()) {
      const outcome = settled.has(reminder.reminderId) ? 'alreadyHandled' : await this.handle(reminder, options.dryRun === true);
      summary[outcome] += 1;
      options.onProgress?.(index + 1, due.length, reminder, outcome);
    }
    return summary;
  }

  private async handle(reminder: DueReminder, dryRun: boolean): Promise<ReminderOutcome> {
    if (reminder.recipients.length === 0) return 'unaddressed';
    const state = await this.ledger.state(reminder.reminderId);
    const retryDue = state.status === 'failed' && state.retryAfter !== null && state.retryAfter <= this.clock.now();
    if (state.status !== 'absent' && !retryDue) return 'alreadyHandled';
    if (dryRun) return 'wouldSend';

    const mail = renderReminderMail(reminder.content, this.settings.publicUrl);
    const details: ReminderDetails = {
      reminderId: reminder.reminderId,
      key: reminder.key,
      kind: reminder.kind,
      planId: reminder.planId,
      roundId: reminder.roundId,
      ownerId: reminder.ownerId,
      addressee: reminder.content.addressee,
      recipients: reminder.recipients,
      subject: mail.subject,
      actionRefs: actionRefsOf(reminder),
      messageId: this.messageIdFor(reminder.reminderId),
    };
    const attempt = await this.ledger.claim(details);
    if (attempt === undefined) return 'takenElsewhere';
    // From here until the outcome is recorded, a crash leaves the claim without an outcome: see docs/reminders.md.
    let accepted: string[];
    try {
      ({ accepted } = await this.mailer().send({
        ...mail,
        reminderId: reminder.reminderId,
        from: this.settings.from,
        to: reminder.recipients,
        messageId: details.messageId,
        date: new Date(this.clock.now()),
      }));
    } catch (error) {
      this.metrics.reminderFailures.inc({ stage: 'send' });
      await this.ledger.recordFailed(reminder.reminderId, attempt, error instanceof Error ? error.message : String(error), isPermanentFailure(error));
      return 'failed';
    }
    // Outside the try: a failure to record the send must not be recorded as a failed send, which would be retried.
    await this.ledger.recordSent(reminder.reminderId, attempt, accepted, this.mailer().kind);
    return 'sent';
  }

  /** The same for every attempt at one reminder, so a receiving server can tell a repeat. */
  messageIdFor(reminderId: string): string {
    const domain = /@([^\s>]+)>?\s*$/.exec(this.settings.from)?.[1] ?? 'send-tracker.invalid';
    return `<reminder-${reminderId}@${domain}>`;
  }

  private mailer(): MailTransport {
    this.transport ??= createMailTransport(this.settings.transport);
    return this.transport;
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
