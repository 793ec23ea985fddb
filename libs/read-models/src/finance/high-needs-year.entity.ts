import { Column, Entity, PrimaryColumn } from 'typeorm';
import { penceTransformer } from './pence.transformer';

/** A financial year's typed figures, as last set; deficits are derived on reading, never stored. */
@Entity('high_needs_years')
export class HighNeedsYearEntity {
  @PrimaryColumn('varchar', { length: 64 })
  planId: string;

  @PrimaryColumn('varchar', { length: 7 })
  year: string;

  @Column('bigint', { transformer: penceTransformer })
  dsgAllocation: number;

  @Column('bigint', { transformer: penceTransformer })
  budget: number;

  @Column('integer')
  revision: number;
}
