import { Field, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';
import { ReportableRag } from '../../common/graphql-enums';
import { AsOfDateField, DeprecatedAsAtInputField } from '../../common/as-of-date.fields';
import { ActionChangeInput } from './action-change.input';

@InputType({ description: 'Restates an earlier progress update; the update stays in the history, marked as superseded.' })
export class CorrectProgressInput extends ActionChangeInput {
  @Field(() => Int, { description: "The update's revision, as the action's timeline shows it; a correction can itself be corrected." })
  @IsInt()
  @Min(0)
  readonly supersedesRevision: number;

  @Field(() => ReportableRag) @IsEnum(ReportableRag) readonly rag: ReportableRag;
  @Field() @IsString() @IsNotEmpty() @MaxLength(5000) readonly commentary: string;
  @AsOfDateField('The date the corrected update describes (YYYY-MM-DD), not later than today.') readonly asOfDate?: string;
  @DeprecatedAsAtInputField() readonly asAt?: string;

  @Field({ description: 'Why the update was wrong; shown in the timeline.' }) @IsString() @IsNotEmpty() @MaxLength(2000) readonly reason: string;
}
