import { RiskBand, RiskStatus } from '@send/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A risk in the register as it stands now. Scores and bands are stored beside the ratings so the
 * register can be sorted and filtered by them; they follow from the ratings by the domain's
 * matrix, and a change to the matrix is a read-model schema change (everything is replayed).
 */
@Entity('risks')
@Index(['planId', 'refNumber'])
export class RiskEntity {
  @PrimaryColumn('varchar', { length: 64 })
  riskId: string;

  @Column('varchar', { length: 64 })
  planId: string;

  @Column('varchar', { length: 8 })
  ref: string;

  /** R2 before R10: the number after the R. */
  @Column('integer')
  refNumber: number;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('text')
  cause: string;

  @Column('text')
  consequence: string;

  @Column('varchar', { length: 64 })
  ownerId: string;

  @Column('text')
  ownerName: string;

  @Column('text')
  ownerRole: string;

  @Column('text')
  ownerOrganisation: string;

  @Column('simple-json')
  areaNumbers: number[];

  @Column('simple-json')
  priorityNumbers: number[];

  @Column('simple-json')
  actionIds: string[];

  @Column('integer')
  inherentLikelihood: number;

  @Column('integer')
  inherentImpact: number;

  @Column('integer')
  inherentScore: number;

  @Column('integer')
  currentLikelihood: number;

  @Column('integer')
  currentImpact: number;

  @Column('integer')
  currentScore: number;

  @Column('varchar', { length: 10 })
  currentBand: RiskBand;

  /** The score the last re-score replaced: above it means rising. Null until first re-scored. */
  @Column('integer', { nullable: true })
  previousScore: number | null;

  /** The business date the current score describes; null while it is the score it was raised with. */
  @Column('varchar', { length: 10, nullable: true })
  currentAsAt: string | null;

  @Column('integer')
  targetLikelihood: number;

  @Column('integer')
  targetImpact: number;

  @Column('integer')
  targetScore: number;

  @Column('varchar', { length: 10 })
  targetByDate: string;

  @Column('varchar', { length: 10 })
  reviewDate: string;

  @Column('varchar', { length: 20 })
  status: RiskStatus;

  /** Why it was closed, or what happened when it became an issue. */
  @Column('text', { nullable: true })
  outcome: string | null;

  @Column('varchar', { length: 30 })
  raisedAt: string;

  @Column('integer')
  revision: number;
}
