import { ReminderDetails } from './reminder.commands';

export type ReminderClaimed = {
  type: 'ReminderClaimed';
  data: ReminderDetails & { attempt: number; claimedBy: string; claimedAt: string };
};

export type ReminderSent = {
  type: 'ReminderSent';
  /** `accepted`: the addresses the mail server took; `transport`: smtp or folder. */
  data: { reminderId: string; attempt: number; sentAt: string; accepted: string[]; transport: string };
};

export type ReminderFailed = {
  type: 'ReminderFailed';
  /** `retryAfter` null: given up (a permanent refusal, or the last attempt). */
  data: { reminderId: string; attempt: number; failedAt: string; error: string; retryAfter: string | null };
};

/** Asked for by `requestedBy` (a user id); the next claim after it is the re-send's first attempt. */
export type ReminderResendRequested = {
  type: 'ReminderResendRequested';
  data: { reminderId: string; requestedBy: string; reason: string; requestedAt: string };
};

export type ReminderEvent = ReminderClaimed | ReminderSent | ReminderFailed | ReminderResendRequested;

/** Current schema version of each reminder event; bump with an upcaster, never edit in place. */
export const REMINDER_EVENT_VERSIONS: Record<ReminderEvent['type'], number> = {
  ReminderClaimed: 1,
  ReminderSent: 1,
  ReminderFailed: 1,
  ReminderResendRequested: 1,
};
