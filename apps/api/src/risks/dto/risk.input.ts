import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { RISK_REF_PATTERN } from '@send/domain';
import { OwnerInput } from '../../actions/dto/owner.input';
import { AsOfDateField, DeprecatedAsAtInputField } from '../../common/as-of-date.fields';
import { IsCalendarDate } from '../../common/is-calendar-date.validator';
import { MitigationStatusName } from '../models/risk-enums';

// The risk register's inputs, side by side.

@InputType({ description: 'Likelihood and impact, each a whole number from 1 (rare, negligible) to 5 (almost certain, severe).' })
export class RiskRatingInput {
  @Field(() => Int) @IsInt() @Min(1) @Max(5) readonly likelihood: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(5) readonly impact: number;
}

@InputType()
export class RiskTargetInput extends RiskRatingInput {
  @Field({ description: 'By when mitigation should bring the risk down to this score (YYYY-MM-DD).' }) @IsCalendarDate() readonly byDate: string;
}

@InputType({ isAbstract: true })
class RiskLinksInput {
  @Field(() => [Int], { defaultValue: [] }) @IsArray() @ArrayMaxSize(50) @IsInt({ each: true }) @Min(1, { each: true }) @Max(99, { each: true }) readonly areaNumbers: number[];
  @Field(() => [Int], { defaultValue: [] }) @IsArray() @ArrayMaxSize(50) @IsInt({ each: true }) @Min(1, { each: true }) @Max(99, { each: true }) readonly priorityNumbers: number[];
  @Field(() => [ID], { defaultValue: [] }) @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) readonly actionIds: string[];
}

@InputType()
export class RaiseRiskInput extends RiskLinksInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field({ description: 'R and a number, unique in the plan: R3.' }) @Matches(RISK_REF_PATTERN, { message: 'ref must be R followed by a number from 1 to 9999 without leading zeros, e.g. R3' }) readonly ref: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(300) readonly title: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(4000) readonly description: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(2000) readonly cause: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(2000) readonly consequence: string;
  @Field(() => OwnerInput) @ValidateNested() @Type(() => OwnerInput) readonly owner: OwnerInput;
  @Field(() => RiskRatingInput, { description: 'Before any mitigation.' }) @ValidateNested() @Type(() => RiskRatingInput) readonly inherent: RiskRatingInput;
  @Field(() => RiskRatingInput, { description: 'With the mitigations in place today.' }) @ValidateNested() @Type(() => RiskRatingInput) readonly current: RiskRatingInput;
  @Field(() => RiskTargetInput, { description: 'No higher than the inherent score.' }) @ValidateNested() @Type(() => RiskTargetInput) readonly target: RiskTargetInput;
  @Field({ description: 'When the owner next reviews it (YYYY-MM-DD).' }) @IsCalendarDate() readonly reviewDate: string;
  @Field(() => ID, { nullable: true, description: 'Optional id of this command, so a retried request is recognised.' }) @IsOptional() @IsUUID() readonly commandId?: string;
}

/** Every change to an existing risk names it and the revision the client last saw. */
@InputType({ isAbstract: true })
export abstract class RiskChangeInput {
  @Field(() => ID) @IsUUID() readonly riskId: string;
  @Field(() => Int, { description: "The risk's revision when you loaded it; a stale revision gives CONFLICT." }) @IsInt() @Min(0) @Max(2_147_483_647) readonly expectedRevision: number;
  @Field(() => ID, { nullable: true, description: 'Optional id of this command, so a retried request is recognised.' }) @IsOptional() @IsUUID() readonly commandId?: string;
}

@InputType()
export class RescoreRiskInput extends RiskChangeInput {
  @Field(() => RiskRatingInput) @ValidateNested() @Type(() => RiskRatingInput) readonly current: RiskRatingInput;
  @Field({ description: 'Why the score is what it is now: every re-score needs one.' }) @IsString() @IsNotEmpty() @MaxLength(4000) readonly commentary: string;
  @AsOfDateField('The day the score describes (YYYY-MM-DD): not in the future, not before the last score.') readonly asOfDate?: string;
  @DeprecatedAsAtInputField() readonly asAt?: string;
}

@InputType()
export class ChangeRiskLinksInput extends RiskChangeInput {
  @Field(() => [Int]) @IsArray() @ArrayMaxSize(50) @IsInt({ each: true }) @Min(1, { each: true }) @Max(99, { each: true }) readonly areaNumbers: number[];
  @Field(() => [Int]) @IsArray() @ArrayMaxSize(50) @IsInt({ each: true }) @Min(1, { each: true }) @Max(99, { each: true }) readonly priorityNumbers: number[];
  @Field(() => [ID]) @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) readonly actionIds: string[];
}

@InputType()
export class ReviseRiskTargetInput extends RiskChangeInput {
  @Field(() => RiskTargetInput) @ValidateNested() @Type(() => RiskTargetInput) readonly target: RiskTargetInput;
  @Field() @IsString() @IsNotEmpty() @MaxLength(2000) readonly reason: string;
}

@InputType()
export class SetRiskReviewDateInput extends RiskChangeInput {
  @Field() @IsCalendarDate() readonly reviewDate: string;
}

@InputType()
export class AddMitigationInput extends RiskChangeInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(2000) readonly description: string;
  @Field(() => OwnerInput) @ValidateNested() @Type(() => OwnerInput) readonly owner: OwnerInput;
  @Field() @IsCalendarDate() readonly dueDate: string;
}

@InputType()
export class ChangeMitigationStatusInput extends RiskChangeInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly mitigationId: string;
  @Field(() => MitigationStatusName) @IsEnum(MitigationStatusName) readonly status: MitigationStatusName;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) readonly commentary?: string;
}

@InputType()
export class ReassignRiskOwnerInput extends RiskChangeInput {
  @Field(() => OwnerInput, { description: 'The new owner, by ownerId or userId as the owner directory lists them (or by name and organisation).' })
  @ValidateNested()
  @Type(() => OwnerInput)
  readonly owner: OwnerInput;
  @Field({ description: 'Why it passes to them: kept in the risk’s history.' }) @IsString() @IsNotEmpty() @MaxLength(2000) readonly reason: string;
}

@InputType()
export class CloseRiskInput extends RiskChangeInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(2000) readonly reason: string;
}

@InputType()
export class RecordRiskAsIssueInput extends RiskChangeInput {
  @Field({ description: 'What happened.' }) @IsString() @IsNotEmpty() @MaxLength(2000) readonly commentary: string;
}
