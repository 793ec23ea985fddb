import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { positionTransformer } from '../projection/position.transformer';

export interface TimelineChange {
  field: string;
  from: string | null;
  to: string | null;
}

/** One line of an action's history: one event, what it changed and who did it. */
@Entity('timeline_entries')
@Index(['actionId', 'position'])
export class TimelineEntryEntity {
  /** The event's global position: unique, so applying the same event twice cannot add a line. */
  @PrimaryColumn('bigint', { transformer: positionTransformer })
  position: bigint;

  @Column('varchar', { length: 64 })
  actionId: string;

  /** The action's stream revision; null for entries from other streams, such as board decisions. */
  @Column('integer', { nullable: true })
  revision: number | null;

  /** The board meeting a decision was minuted at. */
  @Column('varchar', { length: 64, nullable: true })
  meetingId: string | null;

  @Column('varchar', { length: 64 })
  eventType: string;

  /** For a correction: the revision of the progress update it supersedes. */
  @Column('integer', { nullable: true })
  supersedesRevision: number | null;

  @Column('varchar', { length: 30 })
  occurredAt: string;

  @Column('varchar', { length: 30 })
  recordedAt: string;

  @Column('text')
  summary: string;

  @Column('simple-json')
  changes: TimelineChange[];

  @Column('varchar', { length: 100, nullable: true })
  actorUserId: string | null;

  @Column('varchar', { length: 200, nullable: true })
  actorName: string | null;

  @Column('varchar', { length: 100, nullable: true })
  actorRole: string | null;

  @Column('varchar', { length: 64, nullable: true })
  correlationId: string | null;
}
