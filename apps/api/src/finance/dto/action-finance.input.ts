import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

// Money on actions and priorities. Amounts are pounds as decimal strings ("215000.00"), read into
// exact pence by the domain, which names the field of a bad one.
const POUNDS = 'Pounds as a decimal string with at most two decimal places, e.g. "215000.00"; no £ or commas.';

@InputType({ isAbstract: true })
abstract class FundingInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field(() => Int, {
    nullable: true,
    description: "The plan's funding revision when you loaded it (PlanFinance.revision or ActionFinance.revision); a stale one gives CONFLICT. Leave it out only for the plan's very first figure.",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  readonly expectedRevision?: number | null;
  @Field(() => ID, { nullable: true, description: 'Optional id of this command, so a retried request is recognised.' }) @IsOptional() @IsUUID() readonly commandId?: string;
}

@InputType({ isAbstract: true })
abstract class ActionMoneyInput extends FundingInput {
  @Field(() => ID) @IsUUID() readonly actionId: string;
}

@InputType()
export class SetActionFundingInput extends ActionMoneyInput {
  @Field({ description: `The planned cost of (investment in) the action over its life. ${POUNDS}` }) @IsString() @MaxLength(20) readonly plannedCost: string;
  @Field({ description: `The savings it is expected to bring over the recovery plan. ${POUNDS}` }) @IsString() @MaxLength(20) readonly expectedSavings: string;
  @Field({ description: 'Where the money comes from, as the council names it, e.g. "SEND Intervention Fund", "Schools block transfer", "DSG High Needs Block".' })
  @IsString()
  @MaxLength(200)
  readonly fundingSource: string;
  @Field(() => Int, { nullable: true, description: "The recovery priority (1–7) whose savings target the action's savings count towards; leave out for none." })
  @IsOptional()
  @IsInt()
  readonly savingsPriority?: number | null;
  @Field(() => String, { nullable: true, description: "Why, when revising an action's funding already set (required then)." }) @IsOptional() @IsString() @MaxLength(2000) readonly reason?: string | null;
}

@InputType()
export class RecordActionSpendInput extends ActionMoneyInput {
  @Field({ description: `Everything spent on the action so far. ${POUNDS}` }) @IsString() @MaxLength(20) readonly spendToDate: string;
  @Field({ description: 'The date (YYYY-MM-DD) the figure is as of: not after today, not before the last figure.' }) @IsString() @MaxLength(10) readonly asOfDate: string;
  @Field({ description: 'What the money went on, or why spend differs from plan.' }) @IsString() @MaxLength(4000) readonly commentary: string;
}

@InputType()
export class RecordSavingsEvidencedInput extends ActionMoneyInput {
  @Field({ description: 'The financial year the savings fall in, e.g. "2025/26"; it must have begun.' }) @IsString() @MaxLength(16) readonly year: string;
  @Field({ description: `The savings evidenced in that year so far. ${POUNDS}` }) @IsString() @MaxLength(20) readonly savings: string;
  @Field({ description: 'What evidences them: a placement panel minute, a budget monitoring line, an audited figure.' }) @IsString() @MaxLength(4000) readonly evidence: string;
  @Field({ description: 'The date (YYYY-MM-DD) the figure is as of.' }) @IsString() @MaxLength(10) readonly asOfDate: string;
}

@InputType()
export class SetPrioritySavingsTargetInput extends FundingInput {
  @Field(() => Int, { description: 'The recovery priority, 1–7.' }) @IsInt() readonly priorityNumber: number;
  @Field({ description: 'Financial year, e.g. "2026/27".' }) @IsString() @MaxLength(16) readonly year: string;
  @Field({ description: `The savings the recovery plan commits this priority to in that year. ${POUNDS}` }) @IsString() @MaxLength(20) readonly target: string;
  @Field({ description: 'Why: the recovery plan agreed, or a variation.' }) @IsString() @MaxLength(2000) readonly reason: string;
}
