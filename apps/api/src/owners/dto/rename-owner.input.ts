import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class RenameOwnerInput {
  @Field(() => ID, { description: 'Owner.id: it stays, and with it what they own and who acts as them.' }) @IsString() @IsNotEmpty() @MaxLength(64) readonly ownerId: string;
  @Field({ description: 'Their name from now on.' }) @IsString() @IsNotEmpty() @MaxLength(200) readonly name: string;
  @Field(() => String, { nullable: true, description: 'Left as it is when not given.' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) readonly organisation?: string | null;
  @Field(() => String, { nullable: true, description: 'Their job title on everything they own; left as it is when not given.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  readonly role?: string | null;
  @Field(() => ID, { nullable: true, description: 'Optional id of this command, so a retried request is recognised.' }) @IsOptional() @IsUUID() readonly commandId?: string;
}
