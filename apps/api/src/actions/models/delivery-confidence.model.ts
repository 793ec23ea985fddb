import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { sameValueAs } from '../../common/same-value-as';
import { AS_OF_DATE_DEPRECATED } from '../../common/which-time';
import { DELIVERY_CONFIDENCE_LEVELS, IMPACT_REASON_KINDS } from '@send/domain';
import { graphqlEnum } from '../../common/graphql-enum';

export const DeliveryConfidenceLevel = graphqlEnum(DELIVERY_CONFIDENCE_LEVELS, {
  name: 'DeliveryConfidenceLevel',
  description: 'How confident the owner or the board is that the intended impact will be achieved; kept apart from RAG, which says whether the work is on track.',
});
export type DeliveryConfidenceLevel = (typeof DELIVERY_CONFIDENCE_LEVELS)[number];

export const ImpactReasonKind = graphqlEnum(IMPACT_REASON_KINDS, {
  name: 'ImpactReasonKind',
  description: 'OFF_TARGET: the latest figure is Amber or Red against its target. WORSENING: it moved the wrong way since the figure before.',
});
export type ImpactReasonKind = (typeof IMPACT_REASON_KINDS)[number];

@ObjectType('DeliveryConfidence', { description: 'One delivery confidence rating: the level, why, the day it describes and who gave it.' })
export class DeliveryConfidenceModel {
  @Field(() => DeliveryConfidenceLevel) level: DeliveryConfidenceLevel;
  @Field(() => DeliveryConfidenceLevel, { nullable: true, description: 'The level before this rating; null for the first.' }) previousLevel: DeliveryConfidenceLevel | null;
  @Field() commentary: string;
  @Field(() => String, { description: 'The date the rating describes (YYYY-MM-DD).', middleware: [sameValueAs('asAt')] }) readonly asOfDate?: never;
  @Field({ description: 'The old name of asOfDate.', deprecationReason: AS_OF_DATE_DEPRECATED }) asAt: string;
  @Field(() => String, { nullable: true, description: 'Who rated it, by name.' }) ratedBy: string | null;
  @Field(() => String, { nullable: true, description: 'The role they rated it under.' }) ratedByRole: string | null;
  @Field({ description: 'When it was recorded.' }) ratedAt: string;
  @Field(() => Int, { description: "The action's revision the rating was recorded at." }) revision: number;
}

@ObjectType('ImpactFigure', { description: "One of a metric's figures: its period and value." })
export class ImpactFigureModel {
  @Field() period: string;
  @Field(() => Float) value: number;
}

@ObjectType('ImpactReason', { description: 'Why an action is flagged: one scorecard metric it is meant to move, and how it stands.' })
export class ImpactReasonModel {
  @Field(() => ImpactReasonKind) kind: ImpactReasonKind;
  @Field(() => ID) metricId: string;
  @Field() metricName: string;
  @Field({ description: "The latest figure's period." }) period: string;
  @Field(() => Float, { description: 'The latest figure.' }) value: number;
  @Field(() => ImpactFigureModel, { nullable: true, description: 'The figure before it, when the metric is getting worse.' }) previous: ImpactFigureModel | null;
  @Field({ description: 'The reason in words, naming the metric and its figures.' }) text: string;
}

@ObjectType('ImpactFlag', {
  description: '"Green but not moving the needle": the action is rated Green while a scorecard metric it is meant to move is off target or getting worse.',
})
export class ImpactFlagModel {
  @Field(() => [ImpactReasonModel]) reasons: ImpactReasonModel[];
}
