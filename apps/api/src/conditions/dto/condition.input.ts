import { Field, ID, InputType, Int, IntersectionType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CONDITION_REF_PATTERN } from '@send/domain';
import { IsCalendarDate } from '../../common/is-calendar-date.validator';
import { ConditionFinanceLineKind, FINANCE_LINE_KINDS } from '../models/condition-finance-line.model';
import { ConditionStatusName } from '../models/condition-status-name';

// The conditions register's inputs, side by side.

const QUARTER = { description: 'A financial-year quarter: 2025/26 Q2 is July to September 2025.' };

@InputType({ isAbstract: true })
class ConditionWordingInput {
  @Field({ description: 'What the condition requires, as the direction or agreement words it.' }) @IsString() @IsNotEmpty() @MaxLength(4000) readonly text: string;
  @Field({ description: 'Where it is stated, e.g. "Paragraph 8".' }) @IsString() @IsNotEmpty() @MaxLength(200) readonly sourceParagraph: string;
  @Field({ description: 'The measure or evidence that shows it is met.' }) @IsString() @IsNotEmpty() @MaxLength(2000) readonly measureOfSuccess: string;
  @Field({ description: 'YYYY-MM-DD.' }) @IsCalendarDate() readonly dueDate: string;
}

@InputType()
export class AddConditionInput extends ConditionWordingInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field({ description: 'C and a number, unique in the plan: C2.' }) @Matches(CONDITION_REF_PATTERN, { message: 'ref must be C followed by a number from 1 to 999 without leading zeros, e.g. C2' }) readonly ref: string;
  @Field(() => [ID], { defaultValue: [] }) @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) readonly actionIds: string[];
  @Field(() => [ID], { defaultValue: [] }) @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) readonly metricIds: string[];
  @Field(() => ID, { nullable: true, description: 'Optional id of this command, so a retried request is recognised.' }) @IsOptional() @IsUUID() readonly commandId?: string;
}

/** Every change to an existing condition names it and the revision the client last saw. */
@InputType({ isAbstract: true })
export class ConditionChangeInput {
  @Field(() => ID) @IsUUID() readonly conditionId: string;
  @Field(() => Int, { description: "The condition's revision when you loaded it; a stale revision gives CONFLICT." }) @IsInt() @Min(0) @Max(2_147_483_647) readonly expectedRevision: number;
  @Field(() => ID, { nullable: true, description: 'Optional id of this command, so a retried request is recognised.' }) @IsOptional() @IsUUID() readonly commandId?: string;
}

@InputType()
export class ReviseConditionWordingInput extends IntersectionType(ConditionChangeInput, ConditionWordingInput, InputType) {
  @Field({ description: 'Why the wording changed, e.g. a variation agreed with the DfE.' }) @IsString() @IsNotEmpty() @MaxLength(2000) readonly reason: string;
}

@InputType()
export class RecordConditionStatusInput extends ConditionChangeInput {
  @Field(QUARTER) @IsString() @MaxLength(10) readonly quarter: string;
  @Field(() => ConditionStatusName) @IsEnum(ConditionStatusName) readonly status: ConditionStatusName;
  @Field({ description: 'Why the status is what it is: every status needs one.' }) @IsString() @IsNotEmpty() @MaxLength(4000) readonly commentary: string;
}

@InputType()
export class ApproveConditionStatusInput extends ConditionChangeInput {
  @Field(QUARTER) @IsString() @MaxLength(10) readonly quarter: string;
  @Field(() => Int, { description: 'The version of the status you read; if it has changed since, the approval is refused.' }) @IsInt() @Min(1) @Max(2_147_483_647) readonly version: number;
}

@InputType('ConditionFinanceLineInput', { description: 'A finance line: the line, and for PRIORITY_SAVINGS the recovery priority number (and only then).' })
export class ConditionFinanceLineInput {
  @Field(() => ConditionFinanceLineKind) @IsIn(FINANCE_LINE_KINDS) readonly line: ConditionFinanceLineKind;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(99) readonly priorityNumber?: number;
}

@InputType({ description: 'Name exactly one of actionId, metricId or financeLine.' })
export class ConditionLinkInput extends ConditionChangeInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() readonly actionId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() readonly metricId?: string;
  @Field(() => ConditionFinanceLineInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ConditionFinanceLineInput) readonly financeLine?: ConditionFinanceLineInput;
}
