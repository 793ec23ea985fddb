import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('milestones')
export class MilestoneEntity {
  @PrimaryColumn('varchar', { length: 64 })
  actionId: string;

  @PrimaryColumn('varchar', { length: 64 })
  milestoneId: string;

  @Column('text')
  title: string;

  @Column('varchar', { length: 10 })
  dueDate: string;

  @Column('varchar', { length: 10, nullable: true })
  completedOn: string | null;

  /** Stream revision that added it, so milestones list in the order they were set. */
  @Column('integer')
  addedAtRevision: number;
}
