import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class HistoryHeadArgs {
  @Field(() => ID, { description: 'A plan in an area you hold a role in; the head is the whole store’s.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly planId: string;
}
