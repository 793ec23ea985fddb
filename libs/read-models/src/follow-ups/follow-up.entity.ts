import { FollowUpStatus } from '@send/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A follow-up from the board's action log as it stands: who, by when, and whether it is done. */
@Entity('follow_ups')
@Index(['planId', 'status'])
@Index(['meetingId'])
export class FollowUpEntity {
  @PrimaryColumn('varchar', { length: 64 })
  followUpId: string;

  @Column('varchar', { length: 64 })
  planId: string;

  /** The meeting that asked for it. */
  @Column('varchar', { length: 64 })
  meetingId: string;

  @Column('varchar', { length: 10 })
  meetingDate: string;

  @Column('text')
  description: string;

  /** The owner it names, by id; null for one minuted as text (before owners were named by id). */
  @Column('varchar', { length: 64, nullable: true })
  ownerId: string | null;

  @Column('text')
  ownerName: string;

  @Column('text')
  ownerRole: string;

  @Column('text', { nullable: true })
  ownerOrganisation: string | null;

  @Column('varchar', { length: 128, nullable: true })
  ownerUserId: string | null;

  @Column('varchar', { length: 10 })
  dueDate: string;

  @Column('varchar', { length: 10 })
  status: FollowUpStatus;

  /** The UK day it was completed or dropped. */
  @Column('varchar', { length: 10, nullable: true })
  closedOn: string | null;

  @Column('varchar', { length: 30 })
  raisedAt: string;

  @Column('integer')
  revision: number;
}
