import { DecisionKind } from '@send/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A decision the board minuted about one action. */
@Entity('decisions')
@Index(['meetingId'])
@Index(['actionId'])
export class DecisionEntity {
  @PrimaryColumn('varchar', { length: 64 })
  decisionId: string;

  @Column('varchar', { length: 64 })
  meetingId: string;

  @Column('varchar', { length: 64 })
  actionId: string;

  @Column('varchar', { length: 20 })
  actionRef: string;

  @Column('varchar', { length: 30 })
  kind: DecisionKind;

  @Column('text')
  summary: string;

  @Column('varchar', { length: 30 })
  recordedAt: string;
}
