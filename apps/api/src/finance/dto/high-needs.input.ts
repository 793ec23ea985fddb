import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

// The High Needs Block inputs, side by side. Amounts are pounds as decimal strings ("57500000.00"),
// read into exact pence by the domain, which names the field of a bad one.
const POUNDS = 'Pounds as a decimal string with at most two decimal places, e.g. "57500000.00"; no £ or commas.';

@InputType({ isAbstract: true })
abstract class HighNeedsInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field(() => ID, { nullable: true, description: 'Optional id of this command, so a retried request is recognised.' }) @IsOptional() @IsUUID() readonly commandId?: string;
}

/** Every change to a started position names the revision the client last saw, so a stale write is refused. */
@InputType({ isAbstract: true })
abstract class HighNeedsChangeInput extends HighNeedsInput {
  @Field(() => Int, { description: "The position's revision when you loaded it (HighNeedsPosition.revision); a stale revision gives CONFLICT." })
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  readonly expectedRevision: number;
}

@InputType()
export class StartHighNeedsPositionInput extends HighNeedsInput {
  @Field({ description: 'The first financial year kept, e.g. "2024/25".' }) @IsString() @MaxLength(16) readonly firstYear: string;
  @Field({ description: `The cumulative deficit brought forward at 1 April of the first year; negative for a surplus. ${POUNDS}` }) @IsString() @MaxLength(20) readonly openingCumulativeDeficit: string;
}

@InputType()
export class SetHighNeedsYearInput extends HighNeedsChangeInput {
  @Field({ description: 'Financial year, e.g. "2025/26": the first year, the next after the last set, or one already set (a revision).' }) @IsString() @MaxLength(16) readonly year: string;
  @Field({ description: `The High Needs Block allocation of the DSG. ${POUNDS}` }) @IsString() @MaxLength(20) readonly dsgAllocation: string;
  @Field({ description: `The budgeted High Needs spend. ${POUNDS}` }) @IsString() @MaxLength(20) readonly budget: string;
  @Field(() => String, { nullable: true, description: 'Why, when revising a year already set (required then).' }) @IsOptional() @IsString() @MaxLength(2000) readonly reason?: string | null;
}

@InputType()
export class RecordHighNeedsForecastInput extends HighNeedsChangeInput {
  @Field({ description: 'Financial quarter, e.g. "2025/26 Q2"; it must have begun.' }) @IsString() @MaxLength(16) readonly period: string;
  @Field({ description: `Forecast High Needs spend for the whole year. ${POUNDS}` }) @IsString() @MaxLength(20) readonly forecastOutturn: string;
  @Field({ description: 'What drives the forecast; required, as on a RAG update.' }) @IsString() @MaxLength(4000) readonly commentary: string;
}

@InputType()
export class SetDeficitTrajectoryInput extends HighNeedsChangeInput {
  @Field({ description: 'Financial year, e.g. "2026/27".' }) @IsString() @MaxLength(16) readonly year: string;
  @Field({ description: `The cumulative deficit the recovery plan commits to at 31 March. ${POUNDS}` }) @IsString() @MaxLength(20) readonly cumulativeDeficit: string;
  @Field({ description: `How far above the commitment is still Amber. ${POUNDS}` }) @IsString() @MaxLength(20) readonly amberTolerance: string;
  @Field() @IsString() @MaxLength(2000) readonly reason: string;
}
