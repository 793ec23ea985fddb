import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { sameValueAs } from '../../common/same-value-as';
import { LAST_AS_OF_DATE_DEPRECATED, RECORDED_BY_DEPRECATED } from '../../common/which-time';
import { ActionStatus, Rag } from '../../common/graphql-enums';
import { OwnerModel } from '../../owners/models/owner.model';
import type { PlanReader } from '../../reading/plan-reader';
import { DeliveryConfidenceModel } from './delivery-confidence.model';

@ObjectType('Delegate', { description: 'Someone the owner has delegated the action to.' })
export class DelegateModel {
  @Field(() => ID) userId: string;
  @Field() name: string;
}

@ObjectType('Action', { description: 'An improvement plan action, numbered by area (e.g. 8.2).' })
export class ActionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) planId: string;
  @Field() ref: string;
  @Field(() => Int) areaNumber: number;
  @Field(() => [Int]) priorityNumbers: number[];
  @Field() title: string;
  @Field() description: string;
  @Field() intendedImpact: string;
  @Field(() => OwnerModel) owner: OwnerModel;
  @Field(() => [DelegateModel], { description: 'People who may update it on the owner’s behalf.' }) delegates: DelegateModel[];
  @Field() leadOrganisation: string;
  @Field() dueDate: string;
  @Field({ description: 'The due date it was added with; a later dueDate means it has slipped.' }) originalDueDate: string;
  @Field(() => ActionStatus) status: ActionStatus;
  @Field(() => Rag) rag: Rag;
  @Field(() => String, { nullable: true }) latestCommentary: string | null;
  @Field(() => String, { nullable: true, description: 'The business date (YYYY-MM-DD) the latest update describes.', middleware: [sameValueAs('lastAsAt')] })
  readonly lastAsOfDate?: never;
  @Field(() => String, { nullable: true, description: 'The old name of lastAsOfDate.', deprecationReason: LAST_AS_OF_DATE_DEPRECATED }) lastAsAt: string | null;
  @Field({ description: 'Date staleness is measured from: the latest update, or the day the action was added.' })
  lastUpdatedOn: string;
  @Field(() => String, { nullable: true }) completedOn: string | null;
  @Field(() => ID, { nullable: true }) supersededByActionId: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was withdrawn or superseded.' }) closingReason: string | null;
  @Field({ description: 'Open and past its due date, as of today.' }) overdue: boolean;
  @Field({ description: "Open with no update for more than the plan's staleAfterDays." }) stale: boolean;
  @Field(() => [DeliveryConfidenceModel], { description: 'Every delivery confidence rating, oldest first.' })
  confidenceHistory: DeliveryConfidenceModel[];
  @Field(() => Int, { description: 'Send this back as expectedRevision with your next change to this action.' })
  revision: number;
  @Field(() => String, { nullable: true, description: 'The instant this action shows what had been recorded by; null when it is live.', middleware: [sameValueAs('asAt')] })
  readonly recordedBy?: never;
  @Field(() => String, { nullable: true, description: 'The old name of recordedBy.', deprecationReason: RECORDED_BY_DEPRECATED })
  asAt: string | null;
  @Field(() => String, { nullable: true, description: 'Corrections recorded by this instant are applied; equals recordedBy for what was known then; null when live.' })
  knownAt: string | null;
  @Field(() => String, { nullable: true, description: 'The business date shown: the latest update dated on or before this day; null otherwise.' })
  asOfDate: string | null;
  /** Its plan's reader, live or as at `asAt`: milestones, evidence, timeline and metrics are read from it. */
  reader: PlanReader;
}
