/** What the reminder ledger records about a reminder once a sender has claimed it. */
export const RECORDED_REMINDER_STATUSES = ['CLAIMED', 'SENT', 'FAILED', 'GAVE_UP', 'RESEND_REQUESTED'] as const;
export type RecordedReminderStatus = (typeof RECORDED_REMINDER_STATUSES)[number];
