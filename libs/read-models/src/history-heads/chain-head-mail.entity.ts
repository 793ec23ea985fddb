import { ChainHeadMailOccasion } from '@send/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What the chain head mail ledger records once a sender has claimed a mail. */
export const CHAIN_HEAD_MAIL_STATUSES = ['CLAIMED', 'SENT', 'FAILED', 'GAVE_UP'] as const;
export type ChainHeadMailStatus = (typeof CHAIN_HEAD_MAIL_STATUSES)[number];

/** One chain head mail and what became of it, as its stream records: the head its latest attempt mailed. */
@Entity('chain_head_mails')
@Index(['localAreaId', 'claimedAt'])
export class ChainHeadMailEntity {
  /** `week-2026-w50-<area>`, `meeting-<meetingId>`, `return-<planId>-2025-26-q2`. */
  @PrimaryColumn('varchar', { length: 300 })
  key: string;

  @Column('varchar', { length: 30 })
  occasion: ChainHeadMailOccasion;

  @Column('varchar', { length: 64 })
  localAreaId: string;

  /** Null for the weekly mail, which is the whole area's. */
  @Column('varchar', { length: 64, nullable: true })
  planId: string | null;

  /** A decimal string: positions are 64-bit. */
  @Column('varchar', { length: 20 })
  headPosition: string;

  @Column('varchar', { length: 64 })
  headHash: string;

  @Column('simple-json')
  recipients: string[];

  /** CLAIMED (outcome not recorded), SENT, FAILED (a retry is due at retryAfter) or GAVE_UP. */
  @Column('varchar', { length: 10 })
  status: ChainHeadMailStatus;

  @Column('integer')
  attempts: number;

  @Column('varchar', { length: 30 })
  claimedAt: string;

  @Column('varchar', { length: 30, nullable: true })
  sentAt: string | null;

  @Column('text', { nullable: true })
  lastError: string | null;

  @Column('varchar', { length: 30, nullable: true })
  retryAfter: string | null;
}
