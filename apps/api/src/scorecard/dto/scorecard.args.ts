import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { AsAtArgs } from '../../as-at/dto/as-at.args';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class ScorecardArgs extends AsAtArgs {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field(() => Int, { nullable: true, description: 'Only the metrics that evidence this improvement area.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(8)
  readonly area?: number;
}
