import { Column, Entity, PrimaryColumn } from 'typeorm';
import { penceTransformer } from './pence.transformer';

/** Every savings target set for a recovery priority and financial year, revisions included; the highest revision is in force. */
@Entity('priority_savings_targets')
export class PrioritySavingsTargetEntity {
  @PrimaryColumn('varchar', { length: 64 })
  planId: string;

  @PrimaryColumn('integer')
  priorityNumber: number;

  @PrimaryColumn('varchar', { length: 7 })
  year: string;

  @PrimaryColumn('integer')
  revision: number;

  @Column('bigint', { transformer: penceTransformer })
  target: number;

  @Column('text')
  reason: string;

  @Column('varchar', { length: 30 })
  recordedAt: string;

  /** The funding stream's revision of the event that gave it: the order figures were given in, whatever the clock said. */
  @Column('integer')
  streamRevision: number;

  @Column('varchar', { length: 64, nullable: true })
  recordedBy: string | null;
}
