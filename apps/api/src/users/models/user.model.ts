import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ROLES } from '@send/domain';
import { graphqlEnum } from '../../common/graphql-enum';

export const RoleName = graphqlEnum(ROLES, { name: 'Role', description: 'What a person may do in one local area.' });
export type RoleName = (typeof ROLES)[number];

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
