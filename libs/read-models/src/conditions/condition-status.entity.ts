import { ConditionStatus } from '@send/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Every status recorded for a condition in a quarter, each version kept: a status the board
 * approved stays here, approved, when a later one replaces it.
 */
@Entity('condition_statuses')
@Index(['planId'])
export class ConditionStatusEntity {
  @PrimaryColumn('varchar', { length: 64 })
  conditionId: string;

  /** As written: 2025/26 Q2 (these sort in time order). */
  @PrimaryColumn('varchar', { length: 10 })
  quarter: string;

  @PrimaryColumn('integer')
  version: number;

  @Column('varchar', { length: 64 })
  planId: string;

  @Column('varchar', { length: 12 })
  status: ConditionStatus;

  @Column('text')
  commentary: string;

  @Column('boolean')
  replacesApproved: boolean;

  @Column('varchar', { length: 30 })
  recordedAt: string;

  @Column('varchar', { length: 200, nullable: true })
  recordedBy: string | null;

  @Column('varchar', { length: 30, nullable: true })
  approvedAt: string | null;

  @Column('varchar', { length: 200, nullable: true })
  approvedBy: string | null;
}
