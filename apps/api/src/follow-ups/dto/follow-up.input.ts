import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../common/is-calendar-date.validator';

// The meeting action log's inputs, side by side.

@InputType()
export class FollowUpOwnerInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) readonly name: string;
  @Field({ description: 'Their role and organisation as minuted.' }) @IsString() @IsNotEmpty() @MaxLength(200) readonly role: string;
  @Field(() => ID, { nullable: true, description: "Their user id when they sign in here: then they may update and complete it themselves. Must work in the plan's area." })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  readonly userId?: string | null;
}

@InputType()
export class RaiseFollowUpInput {
  @Field(() => ID, { description: 'The meeting that asks for it: held (today or earlier) and not yet closed.' }) @IsUUID() readonly meetingId: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(2000) readonly description: string;
  @Field(() => FollowUpOwnerInput) @ValidateNested() @Type(() => FollowUpOwnerInput) readonly owner: FollowUpOwnerInput;
  @Field({ description: 'YYYY-MM-DD, not before the meeting.' }) @IsCalendarDate() readonly dueDate: string;
  @Field(() => ID, { nullable: true, description: 'Optional id of this command, so a retried request is recognised.' }) @IsOptional() @IsUUID() readonly commandId?: string;
}

@InputType()
export class UpdateFollowUpInput {
  @Field(() => ID) @IsUUID() readonly followUpId: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(2000) readonly note: string;
  @Field(() => String, { nullable: true, description: 'A new due date (YYYY-MM-DD), when the board agreed one.' }) @IsOptional() @IsCalendarDate() readonly dueDate?: string | null;
}

@InputType()
export class CloseFollowUpInput {
  @Field(() => ID) @IsUUID() readonly followUpId: string;
  @Field({ description: 'What was done, or why it is no longer needed.' }) @IsString() @IsNotEmpty() @MaxLength(2000) readonly note: string;
}
