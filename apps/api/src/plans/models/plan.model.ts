import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { sameValueAs } from '../../common/same-value-as';
import { RECORDED_BY_DEPRECATED } from '../../common/which-time';
import type { PlanEntity } from '@send/read-models';
import type { PlanReader } from '../../reading/plan-reader';

@ObjectType('LocalArea')
export class LocalAreaModel {
  @Field(() => ID) id: string;
  @Field() name: string;
}

@ObjectType('Plan', { description: "A local area's SEND and AP Improvement Plan." })
export class PlanModel {
  @Field(() => ID) id: string;
  @Field(() => LocalAreaModel) localArea: LocalAreaModel;
  @Field() title: string;
  @Field() version: string;
  @Field({ description: 'Date the current version was approved by the board (YYYY-MM-DD).' }) approvedOn: string;
  @Field(() => Int, { description: 'Days without a progress update after which an open action is stale.' }) staleAfterDays: number;
  @Field(() => Int, { description: "An open risk whose score is this or more is escalated to the board's agenda (15, the first Red score, unless the board sets its own)." })
  riskEscalationScore: number;
  @Field(() => Int, { description: 'Revision of the plan stream.' }) revision: number;
  @Field(() => String, {
    nullable: true,
    description: 'The instant this plan and everything under it shows what had been recorded by; null when it is live.',
    middleware: [sameValueAs('asAt')],
  })
  readonly recordedBy?: never;
  @Field(() => String, { nullable: true, description: 'The old name of recordedBy.', deprecationReason: RECORDED_BY_DEPRECATED })
  asAt: string | null;
  @Field(() => String, { nullable: true, description: 'Corrections recorded by this instant are applied; equals recordedBy for what was known then; null when live.' })
  knownAt: string | null;
  @Field(() => String, { nullable: true, description: 'The business date shown: each action as its updates dated on or before this day; null otherwise.' })
  asOfDate: string | null;
  /** The reader the request picked, live or as at `asAt`: every field below the plan is read from it. */
  reader: PlanReader;
}

/** A plan row (or a plan view, which is one) as the API shows it, read through `reader`: live when `when` is null. */
export const toPlanModel = (p: PlanEntity, reader: PlanReader, when: { asAt: string; knownAt: string; asOfDate: string | null } | null): PlanModel => ({
  id: p.planId,
  localArea: { id: p.localAreaId, name: p.localAreaName },
  title: p.title,
  version: p.version,
  approvedOn: p.approvedOn,
  staleAfterDays: p.staleAfterDays,
  riskEscalationScore: p.riskEscalationScore,
  revision: p.revision,
  asAt: when?.asAt ?? null,
  knownAt: when?.knownAt ?? null,
  asOfDate: when?.asOfDate ?? null,
  reader,
});
