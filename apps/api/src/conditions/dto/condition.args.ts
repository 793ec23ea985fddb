import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { HistoricArgs } from '../../as-at/dto/as-at.args';

@ArgsType()
export class ConditionsArgs extends HistoricArgs {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
}

@ArgsType()
export class ConditionArgs extends ConditionsArgs {
  @Field({ description: 'C and a number: C2.' }) @IsString() @IsNotEmpty() @MaxLength(8) readonly ref: string;
}
