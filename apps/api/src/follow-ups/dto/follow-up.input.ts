import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDefined, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { OwnerInput } from '../../actions/dto/owner.input';
import { IsCalendarDate } from '../../common/is-calendar-date.validator';
import { IsNotGivenWith } from '../../common/not-given-with.validator';

/** The release whose schema no longer has the text owner of a follow-up (as the old `asAt` names go then). */
export const FOLLOW_UP_TEXT_OWNER_DEPRECATED =
  'Use ownedBy: a follow-up names an owner of the directory (by ownerId or userId), whom everyone linked to them may act as. The text owner goes in release 0.3.0.';

// The meeting action log's inputs, side by side.

@InputType({ description: 'The owner as text, as follow-ups were minuted before they named owners by id (deprecated: use OwnerInput in ownedBy).' })
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
  @Field(() => OwnerInput, {
    nullable: true,
    description: "Who is to do it: an owner of the plan's area by ownerId, or a person by userId (the owner they are linked to); anyone linked to that owner may then update and complete it. Required (or the deprecated owner).",
  })
  @ValidateIf((input: RaiseFollowUpInput) => input.owner == null)
  @IsDefined({ message: 'ownedBy is required: the owner (ownerId or userId) who is to do it' })
  @ValidateNested()
  @Type(() => OwnerInput)
  readonly ownedBy?: OwnerInput | null;
  @Field(() => FollowUpOwnerInput, { nullable: true, deprecationReason: FOLLOW_UP_TEXT_OWNER_DEPRECATED })
  @IsOptional()
  @ValidateNested()
  @Type(() => FollowUpOwnerInput)
  @IsNotGivenWith('ownedBy', { message: 'Give ownedBy or owner, not both (owner is the deprecated text form of ownedBy)' })
  readonly owner?: FollowUpOwnerInput | null;
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
