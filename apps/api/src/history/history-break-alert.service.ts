import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { HistoryBreakDetails, ukDateTime } from '@send/domain';
import { RoleGrantEntity, UserEntity } from '@send/read-models';
import { Clock } from '../common/clock';
import { AppConfig, remindersConfig, RemindersConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { createMailTransport, isPermanentFailure, MailTransport, messageIdFrom } from '../reminders/mail-transport';
import { nextStepsAfterBreak } from './after-a-break';

export type AlertOutcome = { sent: true; recipients: string[]; accepted: string[]; transport: string; messageId: string } | { sent: false; error: string; permanent: boolean; nobody?: true };

/**
 * Mails a break to those who must know of it at once: the DfE adviser, whose oversight rests on
 * the record, and the programme office, who keep it. The history is one store for every area the
 * deployment serves, so each area's advisers and programme office are told; the mail names the
 * break's position and kind only (no stream, no plan), so nothing of one area reaches another.
 */
@Injectable()
export class HistoryBreakAlert implements OnApplicationShutdown {
  private readonly settings: RemindersConfig;
  private transport: MailTransport | undefined;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    this.settings = config.reminders ?? remindersConfig({}, config.dataDir, config.port);
  }

  async recipients(): Promise<string[]> {
    const grants = await this.dataSource.getRepository(RoleGrantEntity).find({ where: { role: In(['DFE_ADVISER', 'PLAN_ADMINISTRATOR']) } });
    if (grants.length === 0) return [];
    const users = await this.dataSource.getRepository(UserEntity).find({ where: { userId: In([...new Set(grants.map((g) => g.userId))]) } });
    return [...new Set(users.flatMap((u) => (u.email ? [u.email] : [])))].sort();
  }

  async send(details: HistoryBreakDetails, detectedAt: string, attempt: number): Promise<AlertOutcome> {
    const recipients = await this.recipients();
    if (recipients.length === 0) return { sent: false, error: 'Nobody holding the DfE adviser or plan administrator role has an e-mail address', permanent: true, nobody: true };
    const messageId = messageIdFrom(this.settings.from, `history-break-${details.breakId}-${attempt}`);
    try {
      const { accepted } = await this.mailer().send({
        reminderId: `history-break-${details.breakId}-${attempt}`,
        from: this.settings.from,
        to: recipients,
        subject: `SECURITY: the improvement plan's recorded history does not verify (${details.kind} at position ${details.position})`,
        text: this.text(details, detectedAt),
        messageId,
        date: new Date(this.clock.now()),
      });
      return { sent: true, recipients, accepted, transport: this.mailer().kind, messageId };
    } catch (error) {
      return { sent: false, error: error instanceof Error ? error.message : String(error), permanent: isPermanentFailure(error) };
    }
  }

  private text(details: HistoryBreakDetails, detectedAt: string): string {
    return [
      `The SEND improvement plan tracker at ${this.settings.publicUrl} found its recorded history broken on ${ukDateTime(detectedAt)}:`,
      '',
      `  ${details.kind} at position ${details.position} (break ${details.breakId})`,
      '',
      'An event stored in the history was edited, deleted or reordered after it was recorded, outside the application.',
      'Until the programme office acknowledges the break, the tracker refuses every change; it keeps answering reads, each marked as unverified.',
      '',
      'What to do now:',
      ...nextStepsAfterBreak(details.position, details.kind).map((step, i) => `  ${i + 1}. ${step}`),
      '',
      `The programme office acknowledges the break in the dashboard (${this.settings.publicUrl}/dashboard/), or with the acknowledgeHistoryBreak mutation, giving the reason writing may go on.`,
      'You are sent this because you hold the DfE adviser or plan administrator role. This mail names no plan, action or person on purpose.',
    ].join('\n');
  }

  private mailer(): MailTransport {
    this.transport ??= createMailTransport(this.settings.transport);
    return this.transport;
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
