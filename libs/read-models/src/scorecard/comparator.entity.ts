import { Comparator } from '@send/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What England, the region, the statistical neighbours or one named neighbour scored on the same measure in a period. */
@Entity('metric_comparators')
export class ComparatorEntity {
  @PrimaryColumn('varchar', { length: 64 })
  metricId: string;

  @PrimaryColumn('varchar', { length: 20 })
  period: string;

  @PrimaryColumn('varchar', { length: 30 })
  comparator: Comparator;

  /** The council a STATISTICAL_NEIGHBOUR value is for; '' for the aggregates (a key column cannot be null). */
  @PrimaryColumn('varchar', { length: 60, default: '' })
  neighbour: string;

  @Column('varchar', { length: 20 })
  periodKey: string;

  @Column('double precision')
  value: number;

  @Column('text')
  source: string;
}
