import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../common/is-calendar-date.validator';

@InputType()
export class OpenUpdateRoundInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field({ description: 'e.g. "Updates for the November board"' }) @IsString() @IsNotEmpty() @MaxLength(300) readonly title: string;
  @Field() @IsCalendarDate() readonly deadline: string;
}

@InputType()
export class CloseUpdateRoundInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field(() => ID) @IsUUID() readonly roundId: string;
}
