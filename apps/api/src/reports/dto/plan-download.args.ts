import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The query string of a download of the whole plan. */
export class PlanDownloadArgs {
  @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
}
