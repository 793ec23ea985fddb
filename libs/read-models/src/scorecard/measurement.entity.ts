import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One value for one period. A correction is a new row; the one it supersedes keeps its value. */
@Entity('measurements')
@Index(['metricId', 'periodKey'])
@Index(['planId'])
export class MeasurementEntity {
  @PrimaryColumn('varchar', { length: 64 })
  measurementId: string;

  @Column('varchar', { length: 64 })
  metricId: string;

  @Column('varchar', { length: 64 })
  planId: string;

  @Column('varchar', { length: 20 })
  period: string;

  /** Sorts periods of one frequency in time order. */
  @Column('varchar', { length: 20 })
  periodKey: string;

  @Column('double precision')
  value: number;

  @Column('varchar', { length: 10 })
  asAt: string;

  @Column('text')
  source: string;

  @Column('boolean')
  provisional: boolean;

  @Column('varchar', { length: 64, nullable: true })
  supersedesMeasurementId: string | null;

  @Column('varchar', { length: 64, nullable: true })
  supersededByMeasurementId: string | null;

  @Column('text', { nullable: true })
  correctionReason: string | null;

  @Column('varchar', { length: 30 })
  recordedAt: string;
}
