import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The target for one period of a metric; a later TargetSet for the period replaces the row. */
@Entity('metric_targets')
export class MetricTargetEntity {
  @PrimaryColumn('varchar', { length: 64 })
  metricId: string;

  @PrimaryColumn('varchar', { length: 20 })
  period: string;

  @Column('varchar', { length: 20 })
  periodKey: string;

  @Column('double precision')
  target: number;

  @Column('double precision', { nullable: true })
  amberTolerance: number | null;
}
