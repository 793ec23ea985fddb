import { Column, Entity, PrimaryColumn } from 'typeorm';
import { penceTransformer } from './pence.transformer';

/** One row per plan whose High Needs Block position has been started. */
@Entity('high_needs_positions')
export class HighNeedsPositionEntity {
  @PrimaryColumn('varchar', { length: 64 })
  planId: string;

  @Column('varchar', { length: 7 })
  firstYear: string;

  @Column('bigint', { transformer: penceTransformer })
  openingCumulativeDeficit: number;

  /** The position stream's revision last applied. */
  @Column('integer')
  revision: number;
}
