import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('update_rounds')
@Index(['planId', 'openedOn'])
export class UpdateRoundEntity {
  @PrimaryColumn('varchar', { length: 64 })
  roundId: string;

  @Column('varchar', { length: 64 })
  planId: string;

  @Column('text')
  title: string;

  @Column('varchar', { length: 10 })
  openedOn: string;

  @Column('varchar', { length: 10 })
  deadline: string;

  @Column('varchar', { length: 10, nullable: true })
  closedOn: string | null;
}
