import { Frequency, MetricUnit, Polarity } from '@send/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A scorecard metric's current definition; earlier definitions stay in its event stream. */
@Entity('metrics')
@Index(['planId'])
export class MetricEntity {
  @PrimaryColumn('varchar', { length: 64 })
  metricId: string;

  @Column('varchar', { length: 64 })
  planId: string;

  @Column('text')
  name: string;

  @Column('text')
  description: string;

  @Column('varchar', { length: 20 })
  unit: MetricUnit;

  @Column('varchar', { length: 20 })
  polarity: Polarity;

  @Column('varchar', { length: 20 })
  frequency: Frequency;

  @Column('text')
  source: string;

  @Column('text')
  owner: string;

  @Column('simple-json')
  areaNumbers: number[];

  @Column('simple-json')
  actionIds: string[];

  /** How many times the definition has been revised since it was defined. */
  @Column('integer')
  revisions: number;

  @Column('integer')
  revision: number;
}
