import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OwnerModel } from '../../owners/models/owner.model';

@ObjectType('OutstandingOwner', { description: 'An owner who has not yet updated some of their actions in this round.' })
export class OutstandingOwnerModel {
  @Field(() => OwnerModel) owner: OwnerModel;
  @Field(() => [String]) actionRefs: string[];
}

@ObjectType('UpdateRound', { description: 'A request to every owner for an update before a board meeting.' })
export class UpdateRoundModel {
  @Field(() => ID) id: string;
  @Field(() => ID) planId: string;
  @Field() title: string;
  @Field({ description: 'Updates as at this date or later count towards the round.' }) openedOn: string;
  @Field() deadline: string;
  @Field(() => String, { nullable: true }) closedOn: string | null;
  @Field() open: boolean;
  @Field({ description: 'Open and past its deadline, as of today.' }) pastDeadline: boolean;
  @Field(() => Int, { description: 'Open actions updated since the round opened.' }) actionsUpdated: number;
  @Field(() => Int) actionsOutstanding: number;
  @Field(() => [OutstandingOwnerModel], { description: 'Who has not updated, and which actions.' }) outstanding: OutstandingOwnerModel[];
  @Field(() => [String], { description: 'Your actions (owned or delegated) still needing an update.' }) yourOutstandingActions: string[];
}
