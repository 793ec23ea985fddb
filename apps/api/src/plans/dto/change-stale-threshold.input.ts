import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';

@InputType()
export class ChangeStaleThresholdInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(366) readonly staleAfterDays: number;
}
