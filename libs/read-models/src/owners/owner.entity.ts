import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Everyone who has owned an action in a plan, so past owners stay listed with no workload. */
@Entity('owners')
export class OwnerEntity {
  @PrimaryColumn('varchar', { length: 64 })
  planId: string;

  @PrimaryColumn('varchar', { length: 64 })
  ownerId: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('varchar', { length: 200 })
  role: string;

  @Column('varchar', { length: 200 })
  organisation: string;
}
