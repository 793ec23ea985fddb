import { ArgsType, Field, IntersectionType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../common/is-calendar-date.validator';
import { AsAtArgs } from './as-at.args';

@ArgsType()
export class AsOfDateArgs {
  @Field({
    nullable: true,
    description:
      'The business-date view (YYYY-MM-DD): everything recorded by now (or by knownAt) is known, and each action shows the latest progress update dated on or before this day (not yet rated if none was), with completions counted from their own date. Not with recordedBy (or asAt) or asAtMeeting, which show what had been recorded by an instant.',
  })
  @IsOptional()
  @IsCalendarDate()
  readonly asOfDate?: string;
}

/** The plan-level reads the board uses take both views: as recorded by an instant, or as dated on a day. */
@ArgsType()
export class PlanViewArgs extends IntersectionType(AsAtArgs, AsOfDateArgs, ArgsType) {}
