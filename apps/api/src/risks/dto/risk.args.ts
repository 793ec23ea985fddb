import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { AsAtArgs } from '../../as-at/dto/as-at.args';
import { RiskStatusName } from '../models/risk-enums';

@ArgsType()
export class RisksArgs extends AsAtArgs {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field(() => [RiskStatusName], { defaultValue: ['OPEN'], description: 'Which risks: open ones unless it says otherwise.' })
  @IsArray()
  @ArrayMaxSize(3)
  @IsEnum(RiskStatusName, { each: true })
  readonly statuses: RiskStatusName[];
}

@ArgsType()
export class RiskArgs extends AsAtArgs {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field({ description: 'R and a number: R3.' }) @IsString() @IsNotEmpty() @MaxLength(8) readonly ref: string;
}
