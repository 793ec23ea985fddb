import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

@InputType({
  description:
    'Who owns it: an existing owner by `ownerId`, or a registered person by `userId` (the owner they are linked to), or a name and organisation. ' +
    "By id, the name and organisation are the owner's current ones and `role` is optional (their title in this plan stays). " +
    'By name, someone already recorded under that name and organisation (their current one, after any rename) is that owner.',
})
export class OwnerInput {
  @Field(() => ID, { nullable: true, description: 'An owner who already owns something in this area (Owner.id).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  readonly ownerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A person who works in this area, linked to an owner (User.ownerId).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly userId?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) readonly name?: string | null;
  @Field(() => String, { nullable: true, description: 'Their job title; required unless given by id and already known.' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) readonly role?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) readonly organisation?: string | null;
}
