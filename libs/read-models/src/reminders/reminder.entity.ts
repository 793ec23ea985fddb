import { RecordedReminderStatus } from './reminder-status';
import { ReminderKind } from '@send/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One reminder mail and what became of it, as its stream records. */
@Entity('reminders')
@Index(['planId', 'claimedAt'])
export class ReminderEntity {
  @PrimaryColumn('varchar', { length: 64 })
  reminderId: string;

  /** e.g. `round-opened:<round>:<owner>`, `round-deadline:<round>:<owner>`, `digest:<plan>:<ISO week>`. */
  @Column('varchar', { length: 300 })
  key: string;

  @Column('varchar', { length: 20 })
  kind: ReminderKind;

  @Column('varchar', { length: 64 })
  planId: string;

  @Column('varchar', { length: 64, nullable: true })
  roundId: string | null;

  @Column('varchar', { length: 64, nullable: true })
  ownerId: string | null;

  @Column('varchar', { length: 200 })
  addressee: string;

  @Column('simple-json')
  recipients: string[];

  @Column('text')
  subject: string;

  @Column('simple-json')
  actionRefs: string[];

  @Column('varchar', { length: 300 })
  messageId: string;

  /** CLAIMED (outcome not recorded), SENT, FAILED (a retry is due at retryAfter), GAVE_UP, or RESEND_REQUESTED (the next check sends it again). */
  @Column('varchar', { length: 20 })
  status: RecordedReminderStatus;

  /** The reminder stream's revision: what a re-send request names as its expected revision. */
  @Column('integer')
  revision: number;

  /** How many times the programme office has asked for it to be sent again, and why the last time. */
  @Column('integer')
  resends: number;

  @Column('text', { nullable: true })
  resendReason: string | null;

  @Column('integer')
  attempts: number;

  @Column('varchar', { length: 100 })
  claimedBy: string;

  @Column('varchar', { length: 30 })
  claimedAt: string;

  @Column('varchar', { length: 30, nullable: true })
  sentAt: string | null;

  @Column('text', { nullable: true })
  lastError: string | null;

  @Column('varchar', { length: 30, nullable: true })
  retryAfter: string | null;
}
