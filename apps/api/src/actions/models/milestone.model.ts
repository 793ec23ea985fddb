import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Milestone')
export class MilestoneModel {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() dueDate: string;
  @Field(() => String, { nullable: true }) completedOn: string | null;
  @Field({ description: 'Not completed and past its due date, as of today.' }) overdue: boolean;
}
