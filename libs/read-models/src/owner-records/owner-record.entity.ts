import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per owner id, across every plan: who they are now (the name, organisation and job title
 * last recorded, a rename included) and which rows show them, so a rename can reach those rows
 * by key. Also how an owner is found by their current name (`nameKey`, `organisationKey`).
 */
@Entity('owner_records')
@Index(['nameKey', 'organisationKey'])
export class OwnerRecordEntity {
  @PrimaryColumn('varchar', { length: 64 })
  ownerId: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('varchar', { length: 200 })
  organisation: string;

  @Column('varchar', { length: 200 })
  role: string;

  /** Trimmed and lower-cased, as ownerIdFor compares text. */
  @Column('varchar', { length: 200 })
  nameKey: string;

  @Column('varchar', { length: 200 })
  organisationKey: string;

  /** Every plan that has named them (never removed): whose administrators may rename them. */
  @Column('simple-json')
  planIds: string[];

  /** The actions they own now. */
  @Column('simple-json')
  actionIds: string[];

  /** The risks they own. */
  @Column('simple-json')
  riskIds: string[];

  /** The mitigations they own, as `riskId/mitigationId`. */
  @Column('simple-json')
  mitigationKeys: string[];

  /** The follow-ups of the board's action log that name them by id. */
  @Column('simple-json')
  followUpIds: string[];

  /** When they were last renamed (the command's clock); null if never, so an as-at view reads their stream only when it holds something. */
  @Column('varchar', { length: 40, nullable: true })
  renamedAt: string | null;
}

/** How owner text is compared: as ownerIdFor compares it. */
export const ownerTextKey = (text: string) => text.trim().toLowerCase();
