import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { HistoricArgs } from '../../as-at/dto/as-at.args';

@ArgsType()
export class QuarterlyReturnArgs extends HistoricArgs {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field({ description: 'A financial-year quarter: 2025/26 Q2.' }) @IsString() @MaxLength(10) readonly quarter: string;
}
