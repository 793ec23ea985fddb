import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { EvidenceKind, ReportableRag, ReviewDecision } from '../../common/graphql-enums';
import { AsOfDateField, DeprecatedAsAtInputField } from '../../common/as-of-date.fields';
import { IsCalendarDate } from '../../common/is-calendar-date.validator';
import { ActionChangeInput } from './action-change.input';
import { OwnerInput } from './owner.input';

// The inputs of every change to an existing action, side by side so their rules can be compared.

@InputType()
export class ReassignOwnerInput extends ActionChangeInput {
  @Field(() => OwnerInput) @ValidateNested() @Type(() => OwnerInput) readonly owner: OwnerInput;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) readonly reason?: string;
}

@InputType()
export class ReportProgressInput extends ActionChangeInput {
  @Field(() => ReportableRag) @IsEnum(ReportableRag) readonly rag: ReportableRag;
  @Field() @IsString() @IsNotEmpty() @MaxLength(5000) readonly commentary: string;
  @AsOfDateField('The date the update describes (YYYY-MM-DD), not later than today.') readonly asOfDate?: string;
  @DeprecatedAsAtInputField() readonly asAt?: string;
}

@InputType()
export class AddMilestoneInput extends ActionChangeInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(300) readonly title: string;
  @Field() @IsCalendarDate() readonly dueDate: string;
}

@InputType()
export class CompleteMilestoneInput extends ActionChangeInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly milestoneId: string;
  @Field() @IsCalendarDate() readonly completedOn: string;
}

@InputType()
export class RescheduleActionInput extends ActionChangeInput {
  @Field() @IsCalendarDate() readonly dueDate: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(2000) readonly reason: string;
}

@InputType()
export class AttachEvidenceInput extends ActionChangeInput {
  @Field(() => EvidenceKind) @IsEnum(EvidenceKind) readonly kind: EvidenceKind;
  @Field() @IsString() @IsNotEmpty() @MaxLength(300) readonly title: string;
  @Field({ nullable: true, description: 'A link to the evidence; give this or documentReference.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  readonly link?: string;
  @Field({ nullable: true, description: 'Where to find it, e.g. "SIB 2026-09 paper 4".' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  readonly documentReference?: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) readonly submittedBy: string;
}

@InputType()
export class ReviewEvidenceInput extends ActionChangeInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly evidenceId: string;
  @Field(() => ReviewDecision) @IsEnum(ReviewDecision) readonly decision: ReviewDecision;
  @Field({ nullable: true, description: 'Required when rejecting.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  readonly reason?: string;
}

@InputType()
export class CompleteActionInput extends ActionChangeInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(5000) readonly commentary: string;
  @AsOfDateField('The date the action was completed on (YYYY-MM-DD), not later than today.') readonly asOfDate?: string;
  @DeprecatedAsAtInputField() readonly asAt?: string;
}

@InputType()
export class ReasonedChangeInput extends ActionChangeInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(2000) readonly reason: string;
}

@InputType()
export class DelegationInput extends ActionChangeInput {
  @Field(() => ID, { description: 'The user who may update the action for its owner.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  readonly delegateUserId: string;
}

@InputType()
export class SupersedeActionInput extends ActionChangeInput {
  @Field(() => ID) @IsUUID() readonly supersededByActionId: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(2000) readonly reason: string;
}
