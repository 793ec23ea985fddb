import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../../common/is-calendar-date.validator';

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

@InputType()
export class CreatePlanInput {
  @Field(() => ID) @Matches(SLUG, { message: 'planId must be lower-case letters, digits and dashes' }) readonly planId: string;
  @Field(() => ID) @Matches(SLUG, { message: 'localAreaId must be lower-case letters, digits and dashes' }) readonly localAreaId: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) readonly localAreaName: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(300) readonly title: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(50) readonly version: string;
  @Field() @IsCalendarDate() readonly approvedOn: string;
  @Field(() => Int, { nullable: true, description: 'Defaults to 42 days.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(366)
  readonly staleAfterDays?: number;
}
