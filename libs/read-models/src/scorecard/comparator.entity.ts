import { Comparator } from '@send/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What England, the region or statistical neighbours scored on the same measure in a period. */
@Entity('metric_comparators')
export class ComparatorEntity {
  @PrimaryColumn('varchar', { length: 64 })
  metricId: string;

  @PrimaryColumn('varchar', { length: 20 })
  period: string;

  @PrimaryColumn('varchar', { length: 30 })
  comparator: Comparator;

  @Column('varchar', { length: 20 })
  periodKey: string;

  @Column('double precision')
  value: number;

  @Column('text')
  source: string;
}
