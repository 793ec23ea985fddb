import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per plan with any money on its actions or priorities: the funding stream's revision, to send back as expectedRevision. */
@Entity('plan_funding')
export class PlanFundingEntity {
  @PrimaryColumn('varchar', { length: 64 })
  planId: string;

  /** The funding stream's revision last applied. */
  @Column('integer')
  revision: number;
}
