import { REMINDER_READER_ROLES, REMINDER_RESEND_ROLES } from '@send/domain';

export const REMINDERS_QUERY = `query Reminders($planId: ID!) {
  reminders(planId: $planId) {
    id kind status addressee recipients subject actionRefs attempts claimedAt sentAt lastError retryAfter revision resends resendReason
  }
}`;

export const RESEND_REMINDER = `mutation ResendReminder($input: ResendReminderInput!) {
  resendReminder(input: $input) { id status addressee }
}`;

export interface ResendReminderAnswer {
  resendReminder: { id: string; status: ReminderStatus; addressee: string };
}

export type ReminderStatus = 'PENDING' | 'UNADDRESSED' | 'CLAIMED' | 'SENT' | 'FAILED' | 'GAVE_UP' | 'RESEND_REQUESTED';

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
  /** For resendReminder's expectedRevision; null while pending or unaddressed. */
  revision: number | null;
  resends: number;
  resendReason: string | null;
}

/** The roles the API shows reminders to (the programme office and the DfE adviser), so the view is offered only to them. */
export const MAY_READ_REMINDERS: readonly string[] = REMINDER_READER_ROLES;

/** Only the programme office sends one again (the DfE adviser reads them, and changes nothing). */
export const MAY_RESEND_REMINDERS: readonly string[] = REMINDER_RESEND_ROLES;

/** Statuses from which a reminder may be sent again: it went, or the tracker gave up on it. */
export const RESENDABLE: readonly ReminderStatus[] = ['SENT', 'GAVE_UP'];
