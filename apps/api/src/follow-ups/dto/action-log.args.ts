import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { AsAtArgs } from '../../as-at/dto/as-at.args';
import { FollowUpStatusName } from '../models/follow-up.model';

@ArgsType()
export class ActionLogArgs extends AsAtArgs {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field(() => [FollowUpStatusName], { defaultValue: ['OPEN'], description: 'Which follow-ups: open ones unless it says otherwise.' })
  @IsArray()
  @ArrayMaxSize(3)
  @IsEnum(FollowUpStatusName, { each: true })
  readonly statuses: FollowUpStatusName[];
  @Field(() => ID, { nullable: true, description: 'Only those this meeting asked for.' }) @IsOptional() @IsString() @MaxLength(64) readonly meetingId?: string;
}
