import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Which report: a financial-year quarter, or a closed board meeting. Also the query string of the download links. */
@ArgsType()
export class ReportArgs {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;

  @Field(() => Int, { nullable: true, description: 'The year the financial year starts: 2025 for 2025/26 (April to March).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  readonly financialYear?: number;

  @Field(() => Int, { nullable: true, description: '1 = April–June, 2 = July–September, 3 = October–December, 4 = January–March.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(4)
  readonly quarter?: number;

  @Field(() => ID, { nullable: true, description: 'A closed board meeting: the report runs from the previous meeting’s close to this one’s.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly meetingId?: string;
}
