import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { REMINDER_KINDS } from '@send/domain';
import { RECORDED_REMINDER_STATUSES } from '@send/read-models';
import { graphqlEnum } from '../../common/graphql-enum';

export const ReminderKindName = graphqlEnum(REMINDER_KINDS, { name: 'ReminderKind', description: 'Round opened, before the round deadline, or the weekly digest.' });
export type ReminderKindName = (typeof REMINDER_KINDS)[number];

/**
 * PENDING: due today and not yet claimed, so the next check sends it. UNADDRESSED: due today, but
 * nobody it is for has an email address. Then what the ledger records: CLAIMED (no outcome yet:
 * being sent now, or the sender stopped mid-way and it is not sent again), SENT, FAILED, GAVE_UP,
 * and RESEND_REQUESTED (the programme office asked for it to go again; the next check sends it).
 */
const REMINDER_STATUSES = ['PENDING', 'UNADDRESSED', ...RECORDED_REMINDER_STATUSES] as const;
export const ReminderStatus = graphqlEnum(REMINDER_STATUSES, { name: 'ReminderStatus' });
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

@ObjectType('Reminder', { description: 'A reminder mail: due, sent, or what went wrong.' })
export class ReminderModel {
  @Field(() => ID) id: string;
  @Field({ description: 'What makes it unique, e.g. round-opened:<round>:<owner> or digest:<plan>:<ISO week>.' }) key: string;
  @Field(() => ReminderKindName) kind: ReminderKindName;
  @Field(() => ReminderStatus) status: ReminderStatus;
  @Field(() => ID, { nullable: true }) roundId: string | null;
  @Field(() => ID, { nullable: true, description: 'The action owner it is for; null for the digest.' }) ownerId: string | null;
  @Field({ description: 'Who it is for: the owner by name, or the programme office.' }) addressee: string;
  @Field(() => [String]) recipients: string[];
  @Field() subject: string;
  @Field(() => [String]) actionRefs: string[];
  @Field(() => Int, { description: 'Attempts so far; 0 while pending.' }) attempts: number;
  @Field(() => String, { nullable: true }) claimedAt: string | null;
  @Field(() => String, { nullable: true }) sentAt: string | null;
  @Field(() => String, { nullable: true }) lastError: string | null;
  @Field(() => String, { nullable: true, description: 'When a failed reminder is tried again.' }) retryAfter: string | null;
  @Field(() => Int, { nullable: true, description: "Its stream's revision, for resendReminder's expectedRevision; null while pending or unaddressed." }) revision: number | null;
  @Field(() => Int, { description: 'How many times the programme office has asked for it to be sent again.' }) resends: number;
  @Field(() => String, { nullable: true, description: 'Why, the last time it was asked to go again.' }) resendReason: string | null;
}
