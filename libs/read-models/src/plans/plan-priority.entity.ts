import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('plan_priorities')
export class PlanPriorityEntity {
  @PrimaryColumn('varchar', { length: 64 })
  planId: string;

  @PrimaryColumn('integer')
  number: number;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('text')
  description: string;
}
