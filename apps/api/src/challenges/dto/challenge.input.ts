import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ChallengeSubjectKindName } from '../models/challenge.model';

// The board's challenge threads' inputs, side by side.

@InputType()
export class RaiseChallengeInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field(() => ChallengeSubjectKindName) @IsEnum(ChallengeSubjectKindName) readonly subjectKind: ChallengeSubjectKindName;
  @Field(() => ID, { description: 'The action’s or risk’s id.' }) @IsUUID() readonly subjectId: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(4000) readonly question: string;
  @Field(() => ID, { nullable: true, description: 'Optional id of this command, so a retried request is recognised.' }) @IsOptional() @IsUUID() readonly commandId?: string;
}

@InputType()
export class AnswerChallengeInput {
  @Field(() => ID) @IsUUID() readonly challengeId: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(4000) readonly answer: string;
}

@InputType()
export class FollowUpChallengeInput {
  @Field(() => ID) @IsUUID() readonly challengeId: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(4000) readonly question: string;
}

@InputType()
export class ResolveChallengeInput {
  @Field(() => ID) @IsUUID() readonly challengeId: string;
  @Field({ nullable: true, description: 'What the board concluded.' }) @IsOptional() @IsString() @MaxLength(2000) readonly note?: string;
}
