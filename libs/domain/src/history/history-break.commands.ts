/**
 * A break in the tamper-evident history, as the api found it: one stream per break
 * (`history-break-<breakId>`), so recording it is also the claim that makes one instance, not
 * every instance, send the alert. The break's words are those of the chain verifier.
 */
export interface HistoryBreakDetails {
  /** `<position>-<kind>` in lower case, e.g. `1042-edited`: the same break found twice is the same id. */
  breakId: string;
  kind: string;
  /** The global position of the first break, as a decimal string (positions are 64-bit). */
  position: string;
  streamId: string | null;
  revision: string | null;
  eventId: string | null;
  message: string;
}

/** Appended by the instance that found the break; whoever appends it first sends the alert. */
export type RecordHistoryBreak = { type: 'RecordHistoryBreak'; data: HistoryBreakDetails & { detectedBy: string } };

export type RecordHistoryBreakAlertSent = {
  type: 'RecordHistoryBreakAlertSent';
  data: { breakId: string; recipients: string[]; accepted: string[]; transport: string; messageId: string };
};

/** `permanent`: the mail server refused for good (a 5xx reply), so retrying cannot help. */
export type RecordHistoryBreakAlertFailed = { type: 'RecordHistoryBreakAlertFailed'; data: { breakId: string; error: string; permanent: boolean } };

/** Taken before trying the alert again after a failure, so only one instance retries. */
export type ClaimHistoryBreakAlertRetry = { type: 'ClaimHistoryBreakAlertRetry'; data: { breakId: string; claimedBy: string } };

/**
 * The programme office says it knows of the break and why writing may go on (e.g. "edit found
 * and reported to the council's security team; restoring tonight"). Until then the api refuses
 * every write that would extend the broken chain.
 */
export type AcknowledgeHistoryBreak = { type: 'AcknowledgeHistoryBreak'; data: { breakId: string; reason: string } };

export type HistoryBreakCommand = RecordHistoryBreak | RecordHistoryBreakAlertSent | RecordHistoryBreakAlertFailed | ClaimHistoryBreakAlertRetry | AcknowledgeHistoryBreak;

/** The break id for a break at `position` of `kind`. */
export const historyBreakId = (position: bigint | string, kind: string): string => `${position}-${kind.toLowerCase()}`;

/** The longest acknowledgement reason kept: a paragraph, not a report. */
export const MAX_ACKNOWLEDGEMENT_REASON_LENGTH = 2000;
