import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../common/is-calendar-date.validator';

@InputType()
export class MilestoneInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(300) readonly title: string;
  @Field() @IsCalendarDate() readonly dueDate: string;
}
