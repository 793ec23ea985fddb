import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { IsCalendarDate } from '../../common/is-calendar-date.validator';
import { IsNotGivenWith } from '../../common/not-given-with.validator';

/** The query string of POST /plans/:planId/import. */
export class PlanImportQuery {
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'dryRun must be true or false' })
  readonly dryRun?: boolean;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { message: 'importId must be 1–100 letters, digits, dots, colons, dashes or underscores' })
  readonly importId?: string;

  /** The business date of rows that give none; default today. */
  @IsOptional() @IsCalendarDate() readonly asOfDate?: string;

  /** The old name of asOfDate, accepted until release 0.3.0. */
  @IsOptional() @IsCalendarDate() @IsNotGivenWith('asOfDate') readonly asAt?: string;
}
