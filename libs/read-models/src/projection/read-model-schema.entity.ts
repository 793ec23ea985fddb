import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which shape of the read models this database holds; one row. */
@Entity('read_model_schema')
export class ReadModelSchemaEntity {
  @PrimaryColumn('integer')
  id: number;

  @Column('integer')
  version: number;
}
