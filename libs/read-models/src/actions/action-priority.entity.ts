import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('action_priorities')
@Index(['planId', 'priorityNumber'])
export class ActionPriorityEntity {
  @PrimaryColumn('varchar', { length: 64 })
  actionId: string;

  @PrimaryColumn('integer')
  priorityNumber: number;

  @Column('varchar', { length: 64 })
  planId: string;
}
