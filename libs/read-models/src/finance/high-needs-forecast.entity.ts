import { Column, Entity, PrimaryColumn } from 'typeorm';
import { penceTransformer } from './pence.transformer';

/** Every forecast recorded, revisions included: what the board was told when. */
@Entity('high_needs_forecasts')
export class HighNeedsForecastEntity {
  @PrimaryColumn('varchar', { length: 64 })
  planId: string;

  @PrimaryColumn('varchar', { length: 10 })
  period: string;

  /** 1 for the quarter's first forecast. */
  @PrimaryColumn('integer')
  revision: number;

  @Column('bigint', { transformer: penceTransformer })
  forecastOutturn: number;

  @Column('text')
  commentary: string;

  @Column('varchar', { length: 30 })
  recordedAt: string;

  @Column('varchar', { length: 64, nullable: true })
  recordedBy: string | null;
}
