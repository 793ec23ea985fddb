import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum RoleName {
  PLAN_ADMINISTRATOR = 'PLAN_ADMINISTRATOR',
  BOARD_CHAIR = 'BOARD_CHAIR',
  BOARD_MEMBER = 'BOARD_MEMBER',
  ACTION_OWNER = 'ACTION_OWNER',
  DFE_ADVISER = 'DFE_ADVISER',
}

registerEnumType(RoleName, { name: 'Role', description: 'What a person may do in one local area.' });

@ObjectType('RoleGrant')
export class RoleGrantModel {
  @Field(() => RoleName) role: RoleName;
  @Field(() => ID) localAreaId: string;
}

@ObjectType('User', { description: 'A person who signs in, with the roles they hold.' })
export class UserModel {
  @Field(() => ID) id: string;
  @Field() displayName: string;
  @Field(() => ID, { nullable: true, description: 'The action-owner identity they act as.' }) ownerId: string | null;
  @Field(() => String, { nullable: true, description: 'Where reminders to them go.' }) email: string | null;
  @Field(() => [RoleGrantModel]) roles: RoleGrantModel[];
}
