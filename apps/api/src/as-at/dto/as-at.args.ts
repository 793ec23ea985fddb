import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotGivenWith } from '../../common/not-given-with.validator';
import { RECORDED_BY_ARGUMENT, RECORDED_BY_DEPRECATED } from '../../common/which-time';
import { IsAsAt } from './is-as-at.validator';

/**
 * The arguments that show something as it was: recorded by an instant, or at a board meeting's
 * close, with the corrections known at another instant. Reads added since the rename take these
 * alone; a new field has no old name to keep.
 */
@ArgsType()
export class HistoricArgs {
  @Field({ nullable: true, description: RECORDED_BY_ARGUMENT })
  @IsOptional()
  @IsAsAt()
  readonly recordedBy?: string;

  @Field(() => ID, { nullable: true, description: 'Show it as it was when this board meeting closed.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly asAtMeeting?: string;

  @Field({
    nullable: true,
    description:
      'With recordedBy or asAtMeeting: also apply the corrections recorded by this instant (a date, an instant, or "now"). Without it the view is what had been recorded by the instant shown, e.g. what the board was told at the meeting.',
  })
  @IsOptional()
  @IsAsAt({}, { orNow: true })
  readonly knownAt?: string;

  /** Only reads that had it before the rename declare it (AsAtArgs); here so every read is handled alike. */
  declare readonly asAt?: string;
}

/** The historic arguments of a read that took `asAt` before release 0.2.0: the old name kept, deprecated. */
@ArgsType()
export class AsAtArgs extends HistoricArgs {
  @Field({ nullable: true, description: 'The old name of recordedBy.', deprecationReason: RECORDED_BY_DEPRECATED })
  @IsOptional()
  @IsAsAt()
  @IsNotGivenWith('recordedBy')
  declare readonly asAt?: string;
}
