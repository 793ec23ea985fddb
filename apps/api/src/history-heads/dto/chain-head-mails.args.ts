import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class ChainHeadMailsArgs {
  @Field(() => ID, { description: "A plan: its meetings' and returns' mails, and its area's weekly ones." })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly planId: string;
}
