import { EvidenceKind, EvidenceReviewStatus } from '@send/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EvidenceFile } from '@send/domain';

/** The evidence register: what was submitted for each action and what the board decided. */
@Entity('evidence')
@Index(['planId', 'status'])
export class EvidenceEntity {
  @PrimaryColumn('varchar', { length: 64 })
  actionId: string;

  @PrimaryColumn('varchar', { length: 64 })
  evidenceId: string;

  @Column('varchar', { length: 64 })
  planId: string;

  @Column('varchar', { length: 10 })
  kind: EvidenceKind;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  link: string | null;

  @Column('text', { nullable: true })
  documentReference: string | null;

  @Column('varchar', { length: 200 })
  submittedBy: string;

  /** The uploaded file's hash, size, sniffed type and name; null for a link or document reference. */
  @Column('simple-json', { nullable: true })
  file: EvidenceFile | null;

  @Column('varchar', { length: 30 })
  submittedAt: string;

  @Column('varchar', { length: 10 })
  status: EvidenceReviewStatus;

  @Column('varchar', { length: 30, nullable: true })
  reviewedAt: string | null;

  @Column('varchar', { length: 200, nullable: true })
  reviewedBy: string | null;

  @Column('text', { nullable: true })
  rejectionReason: string | null;

  @Column('integer')
  attachedAtRevision: number;
}
