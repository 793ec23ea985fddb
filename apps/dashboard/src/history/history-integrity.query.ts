import { HISTORY_BREAK_ACKNOWLEDGER_ROLES } from '@send/domain';

/** What the running API knows of the history now (in memory: cheap enough to ask on every load). */
export const HISTORY_INTEGRITY_QUERY = `query HistoryIntegrity($planId: ID!) {
  historyIntegrity(planId: $planId) {
    status lastCheckedAt writesRefused
    verifiedThrough { position hash }
    break {
      breakId detectedAt revision alert
      found { kind position inThisPlan streamId revision eventId message }
      acknowledgement { reason acknowledgedBy acknowledgedAt }
    }
  }
}`;

export const ACKNOWLEDGE_HISTORY_BREAK = `mutation AcknowledgeHistoryBreak($input: AcknowledgeHistoryBreakInput!) {
  acknowledgeHistoryBreak(input: $input) {
    status writesRefused
    break { breakId revision acknowledgement { reason acknowledgedBy acknowledgedAt } }
  }
}`;

export type BreakKind = 'EDITED' | 'MISSING' | 'REORDERED' | 'UNCHAINED' | 'HEAD_MISMATCH';

export interface HistoryBreak {
  breakId: string;
  /** Null for the moment before the break's record is written. */
  detectedAt: string | null;
  /** The record's revision, acknowledgeHistoryBreak's expectedRevision; null until it is written. */
  revision: number | null;
  alert: 'SENDING' | 'SENT' | 'FAILED' | 'GAVE_UP' | null;
  found: {
    kind: BreakKind;
    position: string;
    inThisPlan: boolean;
    streamId: string | null;
    revision: number | null;
    eventId: string | null;
    message: string;
  };
  acknowledgement: {
    reason: string;
    acknowledgedBy: string;
    acknowledgedAt: string;
  } | null;
}

export interface HistoryIntegrity {
  status: 'UNCHECKED' | 'VERIFIED' | 'BROKEN';
  lastCheckedAt: string | null;
  writesRefused: boolean;
  verifiedThrough: { position: string; hash: string } | null;
  break: HistoryBreak | null;
}

/** What each kind of break means, in words for the board (the API's enum descriptions, shortened). */
export const BREAK_KIND_WORDS: Record<string, string> = {
  EDITED: 'an event was changed after it was recorded',
  MISSING: 'an event was deleted from the store',
  REORDERED: 'events are no longer in the order they were recorded in',
  UNCHAINED: 'an event was put in the store without going through the tracker',
  HEAD_MISMATCH: 'the history before a chain head copied earlier was rewritten',
};

/** The programme office: the only role the API lets acknowledge a break (libs/domain). */
export const MAY_ACKNOWLEDGE = HISTORY_BREAK_ACKNOWLEDGER_ROLES;

/** A reason as a quoted sentence: “… 6pm.” keeps its own full stop; one without is given one. */
export const quotedReason = (reason: string): string => {
  const text = reason.trim();
  return /[.!?]$/.test(text) ? `“${text}”` : `“${text}”.`;
};
