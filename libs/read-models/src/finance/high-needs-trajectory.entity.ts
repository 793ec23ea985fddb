import { Column, Entity, PrimaryColumn } from 'typeorm';
import { penceTransformer } from './pence.transformer';

/** The recovery plan's commitment for one year, as last set. */
@Entity('high_needs_trajectory')
export class HighNeedsTrajectoryEntity {
  @PrimaryColumn('varchar', { length: 64 })
  planId: string;

  @PrimaryColumn('varchar', { length: 7 })
  year: string;

  @Column('bigint', { transformer: penceTransformer })
  cumulativeDeficit: number;

  @Column('bigint', { transformer: penceTransformer })
  amberTolerance: number;
}
