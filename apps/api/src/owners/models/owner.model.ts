import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Owner', { description: 'A named person who owns actions.' })
export class OwnerModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() role: string;
  @Field() organisation: string;
}

@ObjectType('OwnerWorkload')
export class OwnerWorkloadModel {
  @Field(() => OwnerModel) owner: OwnerModel;
  @Field(() => Int, { description: 'Open actions they own.' }) openActions: number;
  @Field(() => Int, { description: 'All actions they own, whatever their status.' }) totalActions: number;
  @Field(() => Int) overdue: number;
  @Field(() => Int) stale: number;
  @Field(() => [String], { description: 'References of the actions they own, in plan order.' }) actionRefs: string[];
}
