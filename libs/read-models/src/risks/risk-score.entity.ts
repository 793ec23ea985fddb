import { RiskBand } from '@send/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Each score a risk has had, from the one it was raised with: the register's history and trend. */
@Entity('risk_scores')
@Index(['planId'])
export class RiskScoreEntity {
  @PrimaryColumn('varchar', { length: 64 })
  riskId: string;

  /** The revision of the risk's stream that set the score. */
  @PrimaryColumn('integer')
  revision: number;

  @Column('varchar', { length: 64 })
  planId: string;

  @Column('integer')
  likelihood: number;

  @Column('integer')
  impact: number;

  @Column('integer')
  score: number;

  @Column('varchar', { length: 10 })
  band: RiskBand;

  /** Null for the score a risk was raised with: it describes the day it was raised. */
  @Column('varchar', { length: 10, nullable: true })
  asAt: string | null;

  @Column('text', { nullable: true })
  commentary: string | null;

  @Column('varchar', { length: 30 })
  occurredAt: string;
}
