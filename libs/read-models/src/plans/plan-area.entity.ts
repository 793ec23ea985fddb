import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('plan_areas')
export class PlanAreaEntity {
  @PrimaryColumn('varchar', { length: 64 })
  planId: string;

  @PrimaryColumn('integer')
  number: number;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('text')
  description: string;
}
