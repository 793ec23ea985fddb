import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const FOLLOW_UP_NOTE_KINDS = ['UPDATE', 'COMPLETED', 'DROPPED'] as const;
export type FollowUpNoteKind = (typeof FOLLOW_UP_NOTE_KINDS)[number];

/** One note on a follow-up after it was raised, with any new due date and who wrote it. */
@Entity('follow_up_notes')
@Index(['planId'])
export class FollowUpNoteEntity {
  @PrimaryColumn('varchar', { length: 64 })
  followUpId: string;

  /** The revision of the follow-up's stream that recorded it. */
  @PrimaryColumn('integer')
  revision: number;

  @Column('varchar', { length: 64 })
  planId: string;

  @Column('varchar', { length: 10 })
  kind: FollowUpNoteKind;

  @Column('text')
  note: string;

  /** The new due date, when the note moved it. */
  @Column('varchar', { length: 10, nullable: true })
  dueDate: string | null;

  @Column('varchar', { length: 10 })
  on: string;

  @Column('text', { nullable: true })
  actorName: string | null;

  @Column('varchar', { length: 40, nullable: true })
  actorRole: string | null;

  @Column('varchar', { length: 30 })
  occurredAt: string;
}
