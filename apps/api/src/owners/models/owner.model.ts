import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ActionOwner } from '@send/domain';

@ObjectType('Owner', { description: 'A named person who owns actions.' })
export class OwnerModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() role: string;
  @Field() organisation: string;
}

export const toOwnerModel = (o: ActionOwner): OwnerModel => ({ id: o.ownerId, name: o.name, role: o.role, organisation: o.organisation });

@ObjectType('OwnerWorkload')
export class OwnerWorkloadModel {
  @Field(() => OwnerModel) owner: OwnerModel;
  @Field(() => Int, { description: 'Open actions they own.' }) openActions: number;
  @Field(() => Int, { description: 'All actions they own, whatever their status.' }) totalActions: number;
  @Field(() => Int) overdue: number;
  @Field(() => Int) stale: number;
  @Field(() => [String], { description: 'References of the actions they own, in plan order.' }) actionRefs: string[];
}
