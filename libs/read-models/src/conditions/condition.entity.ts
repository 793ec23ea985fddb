import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ConditionWordingColumns } from './condition-wording-columns';

/** A condition of the statutory direction or agreement, in its current wording. */
@Entity('conditions')
@Index(['planId', 'refNumber'])
export class ConditionEntity extends ConditionWordingColumns {
  @PrimaryColumn('varchar', { length: 64 })
  conditionId: string;

  @Column('varchar', { length: 64 })
  planId: string;

  @Column('varchar', { length: 8 })
  ref: string;

  /** C2 before C10: the number after the C. */
  @Column('integer')
  refNumber: number;

  @Column('integer')
  wordingVersion: number;

  @Column('simple-json')
  actionIds: string[];

  @Column('simple-json')
  metricIds: string[];

  /** Finance line ids (`HIGH_NEEDS_CUMULATIVE_DEFICIT`, `PRIORITY_SAVINGS:3`), in the order linked. */
  @Column('simple-json')
  financeLines: string[];

  @Column('varchar', { length: 30 })
  addedAt: string;

  @Column('integer')
  revision: number;
}
