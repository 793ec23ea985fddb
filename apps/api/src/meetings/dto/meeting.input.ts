import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../common/is-calendar-date.validator';
import { DecisionKindName, DecisionSubjectKindName, MeetingTypeName, PlanDecisionKindName } from '../models/meeting.model';

// The inputs of the board's meeting record, side by side.

@InputType()
export class ScheduleMeetingInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field(() => MeetingTypeName) @IsEnum(MeetingTypeName) readonly type: MeetingTypeName;
  @Field() @IsCalendarDate() readonly date: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(300) readonly title: string;
}

@InputType()
export class AttendeeInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) readonly name: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) readonly capacity: string;
}

@InputType()
export class RecordAttendanceInput {
  @Field(() => ID) @IsUUID() readonly meetingId: string;
  @Field(() => [AttendeeInput]) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => AttendeeInput) readonly attendees: AttendeeInput[];
  @Field(() => [AttendeeInput], { defaultValue: [] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => AttendeeInput) readonly apologies: AttendeeInput[];
}

@InputType()
export class RecordDecisionInput {
  @Field(() => ID) @IsUUID() readonly meetingId: string;
  @Field(() => ID) @IsUUID() readonly actionId: string;
  @Field(() => DecisionKindName) @IsEnum(DecisionKindName) readonly kind: DecisionKindName;
  @Field() @IsString() @IsNotEmpty() @MaxLength(2000) readonly summary: string;
  @Field(() => ID, { nullable: true, description: 'Optional id of this command, so a retried request is recognised.' })
  @IsOptional()
  @IsUUID()
  readonly commandId?: string;
}

@InputType()
export class RecordPlanDecisionInput {
  @Field(() => ID) @IsUUID() readonly meetingId: string;
  @Field(() => DecisionSubjectKindName, { defaultValue: 'PLAN' }) @IsEnum(DecisionSubjectKindName) readonly subjectKind: DecisionSubjectKindName;
  @Field(() => ID, { nullable: true, description: 'The risk, when subjectKind is RISK.' }) @IsOptional() @IsUUID() readonly riskId?: string | null;
  @Field(() => PlanDecisionKindName) @IsEnum(PlanDecisionKindName) readonly kind: PlanDecisionKindName;
  @Field() @IsString() @IsNotEmpty() @MaxLength(2000) readonly summary: string;
  @Field(() => ID, { nullable: true, description: 'Optional id of this command, so a retried request is recognised.' }) @IsOptional() @IsUUID() readonly commandId?: string;
}

@InputType()
export class CloseMeetingInput {
  @Field(() => ID) @IsUUID() readonly meetingId: string;
  @Field({ nullable: true, description: 'Where the approved minutes are filed.' }) @IsOptional() @IsString() @MaxLength(300) readonly minutesReference?: string;
}
