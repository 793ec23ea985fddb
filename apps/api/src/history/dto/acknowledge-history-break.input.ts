import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_ACKNOWLEDGEMENT_REASON_LENGTH } from '@send/domain';

@InputType({ description: 'The programme office acknowledges a break in the history, so that writing may go on.' })
export class AcknowledgeHistoryBreakInput {
  @Field(() => ID, { description: "A plan in your area: it says whose programme office is acknowledging." }) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
  @Field(() => ID, { description: 'The break, as historyIntegrity names it (`<position>-<kind>`).' })
  @IsString()
  @Matches(/^[1-9][0-9]{0,18}-(edited|missing|reordered|unchained|head_mismatch)$/, { message: 'breakId must be <position>-<kind>, e.g. 1042-edited, as historyIntegrity names it' })
  readonly breakId: string;
  @Field(() => Int, { description: "The break record's revision when you loaded it (historyIntegrity.break.revision); a stale one gives CONFLICT." }) @IsInt() @Min(0) @Max(2_147_483_647) readonly expectedRevision: number;
  @Field({ description: 'Why writing may go on, e.g. "reported to the security team; restoring from last night\'s backup at 6pm"; required.' })
  @IsString()
  @MaxLength(MAX_ACKNOWLEDGEMENT_REASON_LENGTH)
  readonly reason: string;
  @Field(() => ID, { nullable: true, description: 'Optional id of this command, so a retried request is recognised.' }) @IsOptional() @IsUUID() readonly commandId?: string;
}
