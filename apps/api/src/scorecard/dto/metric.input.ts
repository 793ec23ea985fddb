import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { AsOfDateField, DeprecatedAsAtInputField } from '../../common/as-of-date.fields';
import { ComparatorName, FrequencyName, MetricUnitName, PolarityName } from '../models/scorecard-enums';

// The scorecard's inputs, side by side: definitions, targets, measurements, comparators.

@InputType()
export class MetricDefinitionInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(300) readonly name: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(4000) readonly description: string;
  @Field(() => MetricUnitName) @IsEnum(MetricUnitName) readonly unit: MetricUnitName;
  @Field(() => PolarityName) @IsEnum(PolarityName) readonly polarity: PolarityName;
  @Field(() => FrequencyName) @IsEnum(FrequencyName) readonly frequency: FrequencyName;
  @Field() @IsString() @IsNotEmpty() @MaxLength(500) readonly source: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(300) readonly owner: string;
  @Field(() => [Int]) @IsArray() @ArrayMaxSize(8) @IsInt({ each: true }) @Min(1, { each: true }) @Max(8, { each: true }) readonly areaNumbers: number[];
  @Field(() => [ID], { defaultValue: [] }) @IsArray() @ArrayMaxSize(50) @IsUUID(undefined, { each: true }) readonly actionIds: string[];
}

@InputType()
export class DefineMetricInput extends MetricDefinitionInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field({ description: 'A short key, unique in the plan (e.g. "ehcp-20-weeks"); the metric id is derived from it.' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'code must be 1–40 lower-case letters, digits and hyphens' })
  readonly code: string;
}

@InputType()
export class ReviseMetricInput extends MetricDefinitionInput {
  @Field(() => ID) @IsUUID() readonly metricId: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(2000) readonly reason: string;
}

@InputType()
export class SetMetricTargetInput {
  @Field(() => ID) @IsUUID() readonly metricId: string;
  @Field() @IsString() @MaxLength(20) readonly period: string;
  @Field(() => Float) @IsNumber({ allowNaN: false, allowInfinity: false }) readonly target: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) readonly amberTolerance?: number | null;
}

@InputType()
export class RecordMeasurementInput {
  @Field(() => ID) @IsUUID() readonly metricId: string;
  @Field() @IsString() @MaxLength(20) readonly period: string;
  @Field(() => Float) @IsNumber({ allowNaN: false, allowInfinity: false }) readonly value: number;
  @AsOfDateField('The date the figure was true at (YYYY-MM-DD), not later than today.') readonly asOfDate?: string;
  @DeprecatedAsAtInputField() readonly asAt?: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(500) readonly source: string;
  @Field({ defaultValue: false }) @IsBoolean() readonly provisional: boolean;
  @Field(() => ID, { nullable: true, description: 'Optional id of this command, so a retried request is recognised.' })
  @IsOptional()
  @IsUUID()
  readonly commandId?: string;
}

@InputType()
export class CorrectMeasurementInput {
  @Field(() => ID) @IsUUID() readonly metricId: string;
  @Field(() => ID, { description: 'The current measurement of the period that this one replaces.' }) @IsUUID() readonly supersedesMeasurementId: string;
  @Field(() => Float) @IsNumber({ allowNaN: false, allowInfinity: false }) readonly value: number;
  @AsOfDateField('The date the figure was true at (YYYY-MM-DD), not later than today.') readonly asOfDate?: string;
  @DeprecatedAsAtInputField() readonly asAt?: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(500) readonly source: string;
  @Field({ defaultValue: false }) @IsBoolean() readonly provisional: boolean;
  @Field() @IsString() @IsNotEmpty() @MaxLength(2000) readonly reason: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() readonly commandId?: string;
}

@InputType()
export class RecordComparatorInput {
  @Field(() => ID) @IsUUID() readonly metricId: string;
  @Field() @IsString() @MaxLength(20) readonly period: string;
  @Field(() => ComparatorName) @IsEnum(ComparatorName) readonly comparator: ComparatorName;
  @Field(() => Float) @IsNumber({ allowNaN: false, allowInfinity: false }) readonly value: number;
  @Field() @IsString() @IsNotEmpty() @MaxLength(500) readonly source: string;
  /** Checked by the domain (required for STATISTICAL_NEIGHBOUR, refused for the others), so the refusal names its rule. */
  @Field(() => String, { nullable: true, description: 'The council, for the STATISTICAL_NEIGHBOUR comparator only (e.g. "Kent"; at most 60 characters).' })
  @IsOptional()
  @IsString()
  readonly neighbour?: string | null;
}

@InputType()
export class ImportMeasurementsInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field({ description: 'CSV with the columns metric (name or id), period, value, as_at (YYYY-MM-DD), source, provisional (yes/no).' })
  @IsString()
  @MaxLength(900_000)
  readonly csv: string;
  /**
   * Required, with no default: it once defaulted to a dry run, so a client that left it out
   * believing it would import (or believing it would not) is told so instead of guessed for.
   */
  @Field({ description: 'Required: true checks every row and reports, importing nothing; false imports (all or nothing), as the plan import does without ?dryRun=true.' })
  @IsBoolean()
  readonly dryRun: boolean;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() readonly commandId?: string;
}
