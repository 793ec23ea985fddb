import { Column, Entity, PrimaryColumn } from 'typeorm';
import { positionTransformer } from './position.transformer';

/** The global position of the last event a projection has applied. */
@Entity('projection_checkpoints')
export class ProjectionCheckpointEntity {
  @PrimaryColumn('varchar', { length: 100 })
  name: string;

  @Column('bigint', { transformer: positionTransformer })
  position: bigint;
}
