import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { HistoricArgs } from '../../as-at/dto/as-at.args';
import { ChallengeStatusName } from '../models/challenge.model';

@ArgsType()
export class ChallengesArgs extends HistoricArgs {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field(() => [ChallengeStatusName], { defaultValue: ['AWAITING_ANSWER', 'ANSWERED'], description: 'Which threads: the open ones unless it says otherwise.' })
  @IsArray()
  @ArrayMaxSize(3)
  @IsEnum(ChallengeStatusName, { each: true })
  readonly statuses: ChallengeStatusName[];
  @Field(() => ID, { nullable: true, description: "Only the threads about this action or risk." }) @IsOptional() @IsString() @MaxLength(64) readonly subjectId?: string;
}
