import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { penceTransformer } from './pence.transformer';

export const ACTION_FINANCE_RECORD_KINDS = ['FUNDING', 'SPEND', 'SAVINGS'] as const;
export type ActionFinanceRecordKind = (typeof ACTION_FINANCE_RECORD_KINDS)[number];

/**
 * Every figure given for an action's money, revisions included; the figures in force are the
 * latest of each kind (and, for savings, of each year), read off these on reading.
 */
@Entity('action_finance_records')
@Index(['planId'])
export class ActionFinanceRecordEntity {
  @PrimaryColumn('varchar', { length: 64 })
  actionId: string;

  @PrimaryColumn('varchar', { length: 8 })
  kind: ActionFinanceRecordKind;

  /** The financial year of a SAVINGS record; '' for the others. */
  @PrimaryColumn('varchar', { length: 7 })
  year: string;

  /** 1 for the first figure of its kind (and year). */
  @PrimaryColumn('integer')
  revision: number;

  @Column('varchar', { length: 64 })
  planId: string;

  /** Planned cost (FUNDING), spend to date (SPEND) or savings evidenced (SAVINGS). */
  @Column('bigint', { transformer: penceTransformer })
  amount: number;

  /** FUNDING only. */
  @Column('bigint', { transformer: penceTransformer, nullable: true })
  expectedSavings: number | null;

  /** FUNDING only: the recovery priority the action's savings count towards. */
  @Column('integer', { nullable: true })
  savingsPriority: number | null;

  /** The funding source (FUNDING), the commentary (SPEND) or what evidences the savings (SAVINGS). */
  @Column('text')
  text: string;

  /** Why a FUNDING figure was revised; null for the first. */
  @Column('text', { nullable: true })
  reason: string | null;

  /** The business date a SPEND or SAVINGS figure is as of. */
  @Column('varchar', { length: 10, nullable: true })
  asOfDate: string | null;

  @Column('varchar', { length: 30 })
  recordedAt: string;

  /** The funding stream's revision of the event that gave it: the order figures were given in, whatever the clock said. */
  @Column('integer')
  streamRevision: number;

  @Column('varchar', { length: 64, nullable: true })
  recordedBy: string | null;
}
