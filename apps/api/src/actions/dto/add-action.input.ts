import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../common/is-calendar-date.validator';
import { MilestoneInput } from './milestone.input';
import { OwnerInput } from './owner.input';
import { ACTION_REF, ACTION_REF_MESSAGE } from './action-ref';

@InputType()
export class AddActionInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;

  @Field({ description: 'Reference unique within the plan, numbered under its area, e.g. 8.2.' })
  @Matches(ACTION_REF, { message: ACTION_REF_MESSAGE })
  readonly ref: string;

  @Field(() => Int) @IsInt() @Min(1) @Max(8) readonly areaNumber: number;

  @Field(() => [Int], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  readonly priorityNumbers: number[];

  @Field() @IsString() @IsNotEmpty() @MaxLength(300) readonly title: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(5000) readonly description: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(5000) readonly intendedImpact: string;

  @Field(() => OwnerInput) @ValidateNested() @Type(() => OwnerInput) readonly owner: OwnerInput;

  @Field() @IsString() @IsNotEmpty() @MaxLength(200) readonly leadOrganisation: string;
  @Field() @IsCalendarDate() readonly dueDate: string;

  @Field(() => [MilestoneInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MilestoneInput)
  readonly milestones: MilestoneInput[];

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() readonly commandId?: string;
}
