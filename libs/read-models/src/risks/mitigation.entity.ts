import { MitigationStatus } from '@send/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A mitigation of a risk: what is being done about it, by whom, by when, and how far it has got. */
@Entity('risk_mitigations')
@Index(['planId'])
export class MitigationEntity {
  @PrimaryColumn('varchar', { length: 64 })
  riskId: string;

  @PrimaryColumn('varchar', { length: 64 })
  mitigationId: string;

  @Column('varchar', { length: 64 })
  planId: string;

  @Column('text')
  description: string;

  @Column('varchar', { length: 64 })
  ownerId: string;

  @Column('text')
  ownerName: string;

  @Column('text')
  ownerRole: string;

  @Column('text')
  ownerOrganisation: string;

  @Column('varchar', { length: 10 })
  dueDate: string;

  @Column('varchar', { length: 20 })
  status: MitigationStatus;

  @Column('text', { nullable: true })
  lastCommentary: string | null;

  @Column('varchar', { length: 30 })
  changedAt: string;
}
