/**
 * What a reminder is about: the round-opened request to an owner, the reminder before a round's
 * deadline to an owner still missing updates, and the programme office's weekly digest.
 */
export const REMINDER_KINDS = ['ROUND_OPENED', 'ROUND_DEADLINE', 'WEEKLY_DIGEST'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** One mail that should go out once, identified by its key (e.g. `round-opened:<round>:<owner>`). */
export interface ReminderDetails {
  reminderId: string;
  key: string;
  kind: ReminderKind;
  planId: string;
  roundId: string | null;
  /** The action owner it is for; null for the digest. */
  ownerId: string | null;
  /** Who it is for, by name: the owner, or the programme office. */
  addressee: string;
  recipients: string[];
  subject: string;
  actionRefs: string[];
  /** Deterministic from the key, so a receiving server can tell a repeat of the same mail. */
  messageId: string;
}

/**
 * Taken before sending: whoever appends the claim sends the mail, so two api instances (or a
 * restarted one) never both send it.
 */
export type ClaimReminder = { type: 'ClaimReminder'; data: ReminderDetails & { claimedBy: string } };

export type RecordReminderSent = { type: 'RecordReminderSent'; data: { reminderId: string; accepted: string[]; transport: string } };

export type RecordReminderFailed = {
  type: 'RecordReminderFailed';
  /** `permanent`: the server refused for good (a 5xx reply), so retrying cannot help. */
  data: { reminderId: string; error: string; permanent: boolean };
};

/**
 * The programme office asks for a sent or given-up reminder to go once more (an owner lost the
 * mail; the address was wrong and has been put right). The next check claims it as a new attempt
 * and sends it; `reason` says why, for whoever reads the reminder's history.
 */
export type RequestReminderResend = { type: 'RequestReminderResend'; data: { reminderId: string; reason: string } };

export type ReminderCommand = ClaimReminder | RecordReminderSent | RecordReminderFailed | RequestReminderResend;

/** Minutes to wait after the 1st, 2nd, 3rd and 4th failed attempt of a send (the first, or a re-send); after the 5th it is given up. */
export const REMINDER_RETRY_DELAYS_MINUTES = [5, 30, 120, 720] as const;
