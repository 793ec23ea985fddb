import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ActionFilterInput } from './action-filter.input';

@ArgsType()
export class ActionsArgs {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;

  @Field(() => ActionFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActionFilterInput)
  readonly filter?: ActionFilterInput;

  @Field(() => Int, { defaultValue: 20 }) @IsInt() @Min(1) @Max(100) readonly first: number;

  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) readonly after?: string;
}
