import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A plan's dependency network: its stream's revision, which a client sends back as expectedRevision. */
@Entity('dependency_networks')
export class DependencyNetworkEntity {
  @PrimaryColumn('varchar', { length: 64 })
  planId: string;

  @Column('integer')
  revision: number;
}
