import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Which board pack: the one for a closed board meeting, or as at the end of a UK day. */
export class BoardPackArgs {
  @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) readonly meetingId?: string;

  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a day written YYYY-MM-DD' }) readonly date?: string;
}
