import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'RAG counts for a set of actions; withdrawn and superseded actions are counted apart from the total.' })
export class RagRollUpModel {
  @Field(() => Int) total: number;
  @Field(() => Int) notYetRated: number;
  @Field(() => Int) red: number;
  @Field(() => Int) amber: number;
  @Field(() => Int) green: number;
  @Field(() => Int) blue: number;
  @Field(() => Int) withdrawn: number;
  @Field(() => Int) superseded: number;
  @Field(() => Float, { description: 'Blue actions as a percentage of the total, one decimal place.' }) percentComplete: number;
  @Field(() => Int) overdue: number;
  @Field(() => Int, { description: "Open actions with no update for more than the plan's staleAfterDays." }) stale: number;
}
