import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { AsOfDateField, DeprecatedAsAtInputField } from '../../common/as-of-date.fields';
import { DeliveryConfidenceLevel } from '../models/delivery-confidence.model';
import { ActionChangeInput } from './action-change.input';

@InputType({ description: 'How confident you are that the action will achieve its intended impact, and why.' })
export class RateDeliveryConfidenceInput extends ActionChangeInput {
  @Field(() => DeliveryConfidenceLevel) @IsEnum(DeliveryConfidenceLevel) readonly confidence: DeliveryConfidenceLevel;
  @Field({ description: 'Why: what the figures or the work show. Required, as for a RAG update.' }) @IsString() @IsNotEmpty() @MaxLength(5000) readonly commentary: string;
  @AsOfDateField('The date the rating describes (YYYY-MM-DD), not later than today nor earlier than the last rating.') readonly asOfDate?: string;
  @DeprecatedAsAtInputField() readonly asAt?: string;
}
