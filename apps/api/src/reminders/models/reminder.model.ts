import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ReminderKindName {
  ROUND_OPENED = 'ROUND_OPENED',
  ROUND_DEADLINE = 'ROUND_DEADLINE',
  WEEKLY_DIGEST = 'WEEKLY_DIGEST',
}

export enum ReminderStatus {
  /** Due today and not yet claimed: the next check sends it. */
  PENDING = 'PENDING',
  /** Due today, but nobody it is for has an email address. */
  UNADDRESSED = 'UNADDRESSED',
  /** Claimed with no outcome recorded: being sent now, or the sender stopped mid-way (not sent again). */
  CLAIMED = 'CLAIMED',
  SENT = 'SENT',
  FAILED = 'FAILED',
  GAVE_UP = 'GAVE_UP',
}

registerEnumType(ReminderKindName, { name: 'ReminderKind', description: 'Round opened, before the round deadline, or the weekly digest.' });
registerEnumType(ReminderStatus, { name: 'ReminderStatus' });

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
}
