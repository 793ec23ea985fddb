import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, In, LessThanOrEqual, MoreThan } from 'typeorm';
import { ReminderDetails, ReminderState } from '@send/domain';
import { ReminderEntity, UpdateRoundEntity } from '@send/read-models';
import { Clock } from '../common/clock';
import { AppConfig, remindersConfig, RemindersConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { ProjectionService } from '../infrastructure/projection.service';
import { Metrics } from '../observability/metrics';
import { actionRefsOf, DueReminder, dueReminders, reminderToResend } from './due-reminders';
import { createMailTransport, isPermanentFailure, MailTransport, messageIdFrom } from './mail-transport';
import { ReminderLedgerService } from './reminder-ledger.service';
import { renderReminderMail } from './reminder-mail.renderer';
import { ReminderSituationService } from './reminder-situation.service';

export interface ReminderRunSummary {
  /** Reminders due today, and re-sends the programme office asked for, whatever became of them. */
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

/** Which re-send of the reminder an attempt belongs to: 0 for the first send. */
const resendOf = (state: ReminderState) => (state.status === 'absent' ? 0 : state.resends);

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
    const today = await this.due();
    const due = [...today, ...(await this.resends(new Set(today.map((r) => r.reminderId))))];
    // Sent and given-up reminders are settled unless a re-send is asked for, which the read model
    // shows once it has caught up (a run catches up first); anything else is read from its stream.
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

  /**
   * Re-sends asked for, and re-sends whose failed attempt is due again, that are not due today
   * anyway (a round since closed, last week's digest): each said as the tracker knows it now.
   */
  private async resends(dueToday: Set<string>): Promise<DueReminder[]> {
    const rows = await this.dataSource.getRepository(ReminderEntity).find({
      where: [{ status: 'RESEND_REQUESTED' }, { status: 'FAILED', resends: MoreThan(0), retryAfter: LessThanOrEqual(this.clock.now()) }],
      order: { planId: 'ASC', key: 'ASC' },
    });
    const waiting = rows.filter((r) => !dueToday.has(r.reminderId));
    if (waiting.length === 0) return [];
    const planIds = [...new Set(waiting.map((r) => r.planId))];
    const situation = await this.situation.current(this.settings, planIds);
    const roundIds = waiting.flatMap((r) => (r.roundId === null ? [] : [r.roundId]));
    const rounds = new Map((await this.dataSource.getRepository(UpdateRoundEntity).find({ where: { roundId: In(roundIds) } })).map((r) => [r.roundId, r]));
    return waiting.flatMap((row) => {
      const round = row.roundId === null ? undefined : rounds.get(row.roundId);
      const reminder = reminderToResend(situation, row, round ? { title: round.title, deadline: round.deadline } : null);
      return reminder ? [reminder] : [];
    });
  }

  private async handle(reminder: DueReminder, dryRun: boolean): Promise<ReminderOutcome> {
    if (reminder.recipients.length === 0) return 'unaddressed';
    const state = await this.ledger.state(reminder.reminderId);
    const retryDue = state.status === 'failed' && state.retryAfter !== null && state.retryAfter <= this.clock.now();
    if (state.status !== 'absent' && state.status !== 'resendRequested' && !retryDue) return 'alreadyHandled';
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
      messageId: this.messageIdFor(reminder.reminderId, resendOf(state)),
    };
    const attempt = await this.ledger.claim(details);
    if (attempt === undefined) return 'takenElsewhere';
    // From here until the outcome is recorded, a crash leaves the claim without an outcome: see docs/reminders.md.
    let accepted: string[];
    try {
      ({ accepted } = await this.mailer().send({
        ...mail,
        // A re-send is a mail of its own: in the folder default, a file beside the first, not over it.
        reminderId: resendOf(state) === 0 ? reminder.reminderId : `${reminder.reminderId}-resend-${resendOf(state)}`,
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

  /**
   * The same for every attempt at one send, so a receiving server can tell a repeat; a re-send
   * asked for on purpose has its own, or a server (or mail client) could drop it as a duplicate.
   */
  messageIdFor(reminderId: string, resend = 0): string {
    return messageIdFrom(this.settings.from, resend === 0 ? `reminder-${reminderId}` : `reminder-${reminderId}-resend-${resend}`);
  }

  private mailer(): MailTransport {
    this.transport ??= createMailTransport(this.settings.transport);
    return this.transport;
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
