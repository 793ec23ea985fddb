import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One dependency in force: the action waits for `dependsOnActionId` to finish (finish-to-start). */
@Entity('action_dependencies')
@Index(['planId'])
@Index(['dependsOnActionId'])
export class DependencyEntity {
  @PrimaryColumn('varchar', { length: 64 })
  actionId: string;

  @PrimaryColumn('varchar', { length: 64 })
  dependsOnActionId: string;

  @Column('varchar', { length: 64 })
  planId: string;

  @Column('varchar', { length: 20 })
  actionRef: string;

  @Column('varchar', { length: 20 })
  dependsOnRef: string;

  @Column('text')
  note: string;

  @Column('varchar', { length: 30 })
  declaredAt: string;

  /** The network's revision when it was declared: lists keep declaration order by it. */
  @Column('integer')
  declaredRevision: number;
}
