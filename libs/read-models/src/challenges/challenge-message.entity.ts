import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const CHALLENGE_MESSAGE_KINDS = ['QUESTION', 'ANSWER', 'RESOLUTION'] as const;
export type ChallengeMessageKind = (typeof CHALLENGE_MESSAGE_KINDS)[number];

/** One turn of a thread: a question, an answer, or the board's resolution, with who said it. */
@Entity('challenge_messages')
@Index(['planId'])
export class ChallengeMessageEntity {
  @PrimaryColumn('varchar', { length: 64 })
  challengeId: string;

  /** The revision of the thread's stream that recorded it. */
  @PrimaryColumn('integer')
  revision: number;

  @Column('varchar', { length: 64 })
  planId: string;

  @Column('varchar', { length: 12 })
  kind: ChallengeMessageKind;

  /** Null for a resolution with no note. */
  @Column('text', { nullable: true })
  text: string | null;

  @Column('varchar', { length: 128, nullable: true })
  actorUserId: string | null;

  @Column('text', { nullable: true })
  actorName: string | null;

  @Column('varchar', { length: 40, nullable: true })
  actorRole: string | null;

  @Column('varchar', { length: 30 })
  occurredAt: string;
}
