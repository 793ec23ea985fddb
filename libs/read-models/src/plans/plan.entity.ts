import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('plans')
export class PlanEntity {
  @PrimaryColumn('varchar', { length: 64 })
  planId: string;

  @Column('varchar', { length: 64 })
  localAreaId: string;

  @Column('varchar', { length: 200 })
  localAreaName: string;

  @Column('text')
  title: string;

  @Column('varchar', { length: 50 })
  version: string;

  @Column('varchar', { length: 10 })
  approvedOn: string;

  @Column('integer')
  staleAfterDays: number;

  /** An open risk scoring this or more goes on the board's agenda. */
  @Column('integer')
  riskEscalationScore: number;

  @Column('varchar', { length: 30 })
  createdAt: string;

  @Column('integer')
  revision: number;
}
