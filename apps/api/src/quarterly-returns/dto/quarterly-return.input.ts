import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { EXECUTIVE_SUMMARY_MAX_LENGTH } from '@send/domain';

// The quarterly return's inputs, side by side.

@InputType({ isAbstract: true })
abstract class QuarterlyReturnInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field({ description: 'A financial-year quarter: 2025/26 Q2 is July to September 2025.' }) @IsString() @MaxLength(10) readonly quarter: string;
  @Field(() => ID, { nullable: true, description: 'Optional id of this command, so a retried request is recognised.' }) @IsOptional() @IsUUID() readonly commandId?: string;
}

@InputType()
export class WriteExecutiveSummaryInput extends QuarterlyReturnInput {
  // The domain counts the trimmed text; the transport allows a little slack around it.
  @Field({ description: `The narrative for the quarter, at most ${EXECUTIVE_SUMMARY_MAX_LENGTH} characters; blank lines separate paragraphs.` })
  @IsString()
  @MaxLength(EXECUTIVE_SUMMARY_MAX_LENGTH + 1000)
  readonly text: string;

  @Field(() => String, { nullable: true, description: 'Required once the return is signed off, and only then: why the signed summary is being corrected.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  readonly correctionReason?: string | null;

  @Field(() => Int, { nullable: true, description: "The return's revision when you loaded it (none for the first summary); a stale revision gives CONFLICT." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  readonly expectedRevision?: number;
}

/** Submitting and signing off change a return someone has read: both name the revision they read. */
@InputType()
export class QuarterlyReturnChangeInput extends QuarterlyReturnInput {
  @Field(() => Int, { description: "The return's revision when you loaded it; a stale revision gives CONFLICT." }) @IsInt() @Min(0) @Max(2_147_483_647) readonly expectedRevision: number;
}
