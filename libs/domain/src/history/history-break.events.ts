import { HistoryBreakDetails } from './history-break.commands';

export type HistoryBreakDetected = {
  type: 'HistoryBreakDetected';
  data: HistoryBreakDetails & { detectedBy: string; detectedAt: string };
};

/** `attempt` counts alert attempts: 1 is the one the detecting instance made. */
export type HistoryBreakAlertSent = {
  type: 'HistoryBreakAlertSent';
  data: { breakId: string; attempt: number; recipients: string[]; accepted: string[]; transport: string; messageId: string; sentAt: string };
};

/** `retryAfter` null: given up (a permanent refusal, or the last attempt). */
export type HistoryBreakAlertFailed = {
  type: 'HistoryBreakAlertFailed';
  data: { breakId: string; attempt: number; error: string; failedAt: string; retryAfter: string | null };
};

export type HistoryBreakAlertRetryClaimed = {
  type: 'HistoryBreakAlertRetryClaimed';
  data: { breakId: string; attempt: number; claimedBy: string; claimedAt: string };
};

/** `acknowledgedBy` is the user id; the event's actor carries their name and role. */
export type HistoryBreakAcknowledged = {
  type: 'HistoryBreakAcknowledged';
  data: { breakId: string; reason: string; acknowledgedBy: string; acknowledgedAt: string };
};

export type HistoryBreakEvent = HistoryBreakDetected | HistoryBreakAlertSent | HistoryBreakAlertFailed | HistoryBreakAlertRetryClaimed | HistoryBreakAcknowledged;

/** Current schema version of each history-break event; bump with an upcaster, never edit in place. */
export const HISTORY_BREAK_EVENT_VERSIONS: Record<HistoryBreakEvent['type'], number> = {
  HistoryBreakDetected: 1,
  HistoryBreakAlertSent: 1,
  HistoryBreakAlertFailed: 1,
  HistoryBreakAlertRetryClaimed: 1,
  HistoryBreakAcknowledged: 1,
};
