import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { HistoricArgs } from '../../as-at/dto/as-at.args';

@ArgsType()
export class PlanFinanceArgs extends HistoricArgs {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
}
