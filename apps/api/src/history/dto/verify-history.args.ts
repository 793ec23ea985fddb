import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ChainHeadInput } from './chain-head.input';

@ArgsType()
export class VerifyHistoryArgs {
  @Field(() => ID, { description: 'The plan whose area you hold a role in; its streams are named in full when the break is in them.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly planId: string;

  @Field(() => [ChainHeadInput], { nullable: true, description: 'Heads copied from earlier reports; each must still be reached by the recomputed chain.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ChainHeadInput)
  readonly heads?: ChainHeadInput[];

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'Re-hash every event from the first, as `npm run verify` does. Without it only the events appended since this server last verified the store are hashed, so an old event edited in the file since then is found only by a full check. Heads given imply it.',
  })
  @IsBoolean()
  readonly full: boolean;
}
