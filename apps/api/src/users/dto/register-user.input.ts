import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

@InputType()
export class RegisterUserInput {
  @Field(() => ID, { description: "The id their tokens carry (the `sub`, or the claim AUTH_USER_CLAIM names)." })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/, { message: 'userId must be letters, digits, dots, dashes, @ or underscores' })
  readonly userId: string;

  @Field() @IsString() @IsNotEmpty() @MaxLength(200) readonly displayName: string;

  @Field(() => ID, { nullable: true, description: 'The action owner they act as (Owner.id), named in an area you can see. Instead of ownerName and ownerOrganisation.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  readonly ownerId?: string | null;

  @Field({
    nullable: true,
    description: 'With ownerOrganisation: the action owner they act as, by the name they were first recorded under (an id derived from the text, as before); prefer ownerId, which survives a rename.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  readonly ownerName?: string;

  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) readonly ownerOrganisation?: string;

  @Field({ nullable: true, description: 'Where reminders to them go.' }) @IsOptional() @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254) readonly email?: string;
}

@InputType()
export class SetUserEmailInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(100) readonly userId: string;

  @Field(() => String, { nullable: true, description: 'Null removes the address: no reminders go to them.' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  readonly email: string | null;
}

@InputType()
export class LinkUserToOwnerInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(100) readonly userId: string;

  @Field(() => ID, { nullable: true, description: 'Owner.id, named in an area you can see; null unlinks them.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly ownerId: string | null;
}
