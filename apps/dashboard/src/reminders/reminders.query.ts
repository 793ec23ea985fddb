import { REMINDER_READER_ROLES } from '@send/domain';

export const REMINDERS_QUERY = `query Reminders($planId: ID!) {
  reminders(planId: $planId) {
    id kind status addressee recipients subject actionRefs attempts claimedAt sentAt lastError retryAfter
  }
}`;

export type ReminderStatus = 'PENDING' | 'UNADDRESSED' | 'CLAIMED' | 'SENT' | 'FAILED' | 'GAVE_UP';

export interface Reminder {
  id: string;
  kind: 'ROUND_OPENED' | 'ROUND_DEADLINE' | 'WEEKLY_DIGEST';
  status: ReminderStatus;
  addressee: string;
  recipients: string[];
  subject: string;
  actionRefs: string[];
  attempts: number;
  claimedAt: string | null;
  sentAt: string | null;
  lastError: string | null;
  retryAfter: string | null;
}

/** The roles the API shows reminders to (the programme office and the DfE adviser), so the view is offered only to them. */
export const MAY_READ_REMINDERS: readonly string[] = REMINDER_READER_ROLES;
