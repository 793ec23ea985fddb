import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';

@InputType()
export class SetRiskEscalationThresholdInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field(() => Int, { description: 'Likelihood × impact, 1 to 25: 15 puts every Red risk on the agenda, 12 the worst Amber ones too.' }) @IsInt() @Min(1) @Max(25) readonly score: number;
  @Field({ description: 'Why the board moved it; kept with the change.' }) @IsString() @IsNotEmpty() @MaxLength(2000) readonly reason: string;
}
