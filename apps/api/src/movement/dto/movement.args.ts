import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsAsAt } from '../../as-at/dto/is-as-at.validator';

@ArgsType()
export class MovementArgs {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;

  @Field({ nullable: true, description: 'Start of the period: a date (the end of that day in the UK) or an instant. Give this or fromMeeting.' })
  @IsOptional()
  @IsAsAt()
  readonly from?: string;

  @Field(() => ID, { nullable: true, description: 'Start of the period: when this board meeting closed.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly fromMeeting?: string;

  @Field({ nullable: true, description: 'End of the period; now when neither to nor toMeeting is given.' })
  @IsOptional()
  @IsAsAt()
  readonly to?: string;

  @Field(() => ID, { nullable: true, description: 'End of the period: when this board meeting closed.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly toMeeting?: string;

  @Field({
    nullable: true,
    description: 'Compare both ends with the corrections recorded by this instant (a date, an instant, or "now"); by default each end is what had been recorded then.',
  })
  @IsOptional()
  @IsAsAt({}, { orNow: true })
  readonly knownAt?: string;
}
