import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { SLIP_REASONS, SlipReason } from '@send/domain';
import { graphqlEnum } from '../../common/graphql-enum';
import { ActionStatus, Rag } from '../../common/graphql-enums';

export const SlipReasonName = graphqlEnum(SLIP_REASONS, {
  name: 'SlipReason',
  description: 'Why an open action counts as slipping: rated RED, OVERDUE (past its due date), or DUE_DATE_MOVED (due later than the plan first said).',
});

@ObjectType('ActionLink', { description: 'An action named in a dependency: enough to list it and link to it.' })
export class ActionLinkModel {
  @Field(() => ID) id: string;
  @Field() ref: string;
  @Field() title: string;
  @Field(() => ActionStatus) status: ActionStatus;
  @Field(() => Rag) rag: Rag;
  @Field() dueDate: string;
  @Field({ description: 'The due date it was added with; a later dueDate means it has slipped.' }) originalDueDate: string;
  @Field(() => [SlipReasonName], { description: 'Empty unless it is open and slipping, as on the day shown.' }) slipReasons: SlipReason[];
}

@ObjectType('ActionDependency', { description: 'action cannot finish until dependsOn has (finish-to-start).' })
export class DependencyModel {
  @Field(() => ActionLinkModel) action: ActionLinkModel;
  @Field(() => ActionLinkModel) dependsOn: ActionLinkModel;
  @Field({ description: 'Why it waits.' }) note: string;
  @Field({ description: 'When it was declared (ISO instant).' }) declaredAt: string;
}

@ObjectType('DependencyRisk', { description: 'A slipping action upstream of this one: "at risk from 5.1".' })
export class DependencyRiskModel {
  @Field(() => ActionLinkModel, { description: 'The slipping action.' }) from: ActionLinkModel;
  @Field(() => [SlipReasonName]) reasons: SlipReason[];
  @Field(() => [String], { description: 'References from this action to the slipping one, e.g. ["5.4", "5.3", "5.1"].' }) chain: string[];
}

@ObjectType('ActionAtRisk')
export class ActionAtRiskModel {
  @Field(() => ActionLinkModel) action: ActionLinkModel;
  @Field(() => [String], { description: 'References from this action to the slipping one.' }) chain: string[];
}

@ObjectType('SlippingAction', { description: 'A slipping action and every open action waiting on it, directly or through others.' })
export class SlippingActionModel {
  @Field(() => ActionLinkModel) action: ActionLinkModel;
  @Field(() => [SlipReasonName]) reasons: SlipReason[];
  @Field(() => [ActionAtRiskModel], { description: 'In reference order.' }) atRisk: ActionAtRiskModel[];
}

@ObjectType('DependencyNetwork', { description: "A plan's dependencies between actions, and the chains a slipping action puts at risk." })
export class DependencyNetworkModel {
  @Field(() => ID) planId: string;
  @Field(() => Int, { nullable: true, description: 'Send this back as expectedRevision with your next change; null before the first dependency.' }) revision: number | null;
  @Field(() => [DependencyModel], { description: 'Every dependency in force, in the order declared.' }) dependencies: DependencyModel[];
  @Field(() => [SlippingActionModel], { description: 'Slipping actions that put others at risk, in reference order.' }) slipping: SlippingActionModel[];
  @Field(() => Int, { description: 'How many open actions are at risk from a slipping action upstream.' }) actionsAtRisk: number;
}
