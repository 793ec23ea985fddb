import { ChallengeStatus, ChallengeSubjectKind } from '@send/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A challenge thread as it stands: what it is about, whose turn it is, and when it last moved. */
@Entity('challenges')
@Index(['planId', 'status'])
@Index(['subjectId'])
export class ChallengeEntity {
  @PrimaryColumn('varchar', { length: 64 })
  challengeId: string;

  @Column('varchar', { length: 64 })
  planId: string;

  @Column('varchar', { length: 10 })
  subjectKind: ChallengeSubjectKind;

  @Column('varchar', { length: 64 })
  subjectId: string;

  @Column('varchar', { length: 16 })
  subjectRef: string;

  @Column('varchar', { length: 20 })
  status: ChallengeStatus;

  /** Who asked the first question, as recorded on the event. */
  @Column('text', { nullable: true })
  raisedBy: string | null;

  @Column('varchar', { length: 30 })
  raisedAt: string;

  @Column('varchar', { length: 30 })
  lastChangedAt: string;

  @Column('integer')
  revision: number;
}
