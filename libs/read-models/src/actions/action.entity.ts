import { ActionStatus, DeliveryConfidence, RagStatus } from '@send/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One delivery confidence rating as the action's row keeps it; who rated it is the event's actor. */
export interface ConfidenceRating {
  level: DeliveryConfidence;
  previousLevel: DeliveryConfidence | null;
  commentary: string;
  asAt: string;
  ratedBy: string | null;
  ratedByRole: string | null;
  /** When it was recorded, and at which revision of the action. */
  ratedAt: string;
  revision: number;
}

@Entity('actions')
@Index(['planId', 'refSortKey'], { unique: true })
@Index(['planId', 'ownerId'])
// Covers the roll-up counts (roll-up-query.ts): a plan's or the whole country's are read from this index alone.
@Index(['planId', 'areaNumber', 'status', 'rag', 'dueDate', 'lastUpdatedOn'])
export class ActionEntity {
  @PrimaryColumn('varchar', { length: 64 })
  actionId: string;

  @Column('varchar', { length: 64 })
  planId: string;

  @Column('varchar', { length: 20 })
  ref: string;

  /** The ref zero-padded so 8.10 sorts after 8.9; the pagination cursor is built from it. */
  @Column('varchar', { length: 40 })
  refSortKey: string;

  @Column('integer')
  areaNumber: number;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('text')
  intendedImpact: string;

  @Column('varchar', { length: 64 })
  ownerId: string;

  @Column('varchar', { length: 200 })
  ownerName: string;

  @Column('varchar', { length: 200 })
  ownerRole: string;

  @Column('varchar', { length: 200 })
  ownerOrganisation: string;

  @Column('varchar', { length: 200 })
  leadOrganisation: string;

  @Column('varchar', { length: 10 })
  dueDate: string;

  /** The due date the action was added with: a later due date means it has slipped. */
  @Column('varchar', { length: 10 })
  originalDueDate: string;

  @Column('varchar', { length: 12 })
  status: ActionStatus;

  @Column('varchar', { length: 16 })
  rag: RagStatus;

  @Column('text', { nullable: true })
  latestCommentary: string | null;

  /** "As at" date of the latest progress report or completion. */
  @Column('varchar', { length: 10, nullable: true })
  lastAsAt: string | null;

  /** Date staleness is measured from: the latest update, or the day the action was added. */
  @Column('varchar', { length: 10 })
  lastUpdatedOn: string;

  @Column('varchar', { length: 30 })
  addedAt: string;

  @Column('varchar', { length: 10, nullable: true })
  completedOn: string | null;

  @Column('varchar', { length: 64, nullable: true })
  supersededByActionId: string | null;

  @Column('text', { nullable: true })
  closingReason: string | null;

  /** People the owner has delegated the action to, in the order they were added. */
  @Column('simple-json')
  delegates: { userId: string; name: string }[];

  /**
   * Revision of the update (or completion, or reopening) whose RAG is in force, null before the
   * first: a correction of that update takes its place, a correction of an older one does not.
   */
  @Column('integer', { nullable: true })
  progressRevision: number | null;

  /** The latest delivery confidence level; null until the action is first rated. */
  @Column('varchar', { length: 8, nullable: true })
  deliveryConfidence: DeliveryConfidence | null;

  /** Every delivery confidence rating, oldest first; the last is the one in force. */
  @Column('simple-json')
  confidenceHistory: ConfidenceRating[];

  /** Stream revision: what a client sends back as `expectedRevision`. */
  @Column('integer')
  revision: number;
}
