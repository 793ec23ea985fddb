import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ConditionWordingColumns } from './condition-wording-columns';

/** Every wording a condition has had, from the one it was added with: what the board was told when. */
@Entity('condition_wordings')
@Index(['planId'])
export class ConditionWordingEntity extends ConditionWordingColumns {
  @PrimaryColumn('varchar', { length: 64 })
  conditionId: string;

  @PrimaryColumn('integer')
  version: number;

  @Column('varchar', { length: 64 })
  planId: string;

  /** Null for the wording the condition was added with. */
  @Column('text', { nullable: true })
  reason: string | null;

  @Column('varchar', { length: 30 })
  occurredAt: string;
}
