import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { RoleName } from '../models/user.model';

@InputType()
export class RoleGrantInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(100) readonly userId: string;
  @Field(() => RoleName) @IsEnum(RoleName) readonly role: RoleName;
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly localAreaId: string;
}
