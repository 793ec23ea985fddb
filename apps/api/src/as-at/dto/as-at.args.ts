import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsAsAt } from './is-as-at.validator';

@ArgsType()
export class AsAtArgs {
  @Field({
    nullable: true,
    description: 'Show it exactly as it was at this instant, rebuilt from the event history. A date means the end of that day in the UK (23:59:59.999 London time).',
  })
  @IsOptional()
  @IsAsAt()
  readonly asAt?: string;

  @Field(() => ID, { nullable: true, description: 'Show it as it was when this board meeting closed.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly asAtMeeting?: string;

  @Field({
    nullable: true,
    description:
      'With asAt or asAtMeeting: also apply the corrections recorded by this instant (a date, an instant, or "now"). Without it the view is what had been recorded by the instant shown, e.g. what the board was told at the meeting.',
  })
  @IsOptional()
  @IsAsAt({}, { orNow: true })
  readonly knownAt?: string;
}
