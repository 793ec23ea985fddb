import { ConditionQuarter } from '../condition/condition-quarter';

/**
 * `version` numbers the summary's texts from 1; `withdrawsSubmission` says the return had been
 * submitted and goes back to the programme office, since the chair would sign a different text.
 */
export type ExecutiveSummaryWritten = {
  type: 'ExecutiveSummaryWritten';
  data: { planId: string; quarter: ConditionQuarter; text: string; version: number; withdrawsSubmission: boolean };
};

export type QuarterlyReturnSubmitted = { type: 'QuarterlyReturnSubmitted'; data: { planId: string; quarter: ConditionQuarter; summaryVersion: number } };

/** The report's bytes as signed, and the store position the report was rendered up to (a decimal string). */
export type QuarterlyReturnSignedOff = {
  type: 'QuarterlyReturnSignedOff';
  data: { planId: string; quarter: ConditionQuarter; summaryVersion: number; htmlSha256: string; csvSha256: string; knownUpToPosition: string };
};

/** A change to a signed-off summary: the signed report keeps the old text and lists this one as a correction. */
export type ExecutiveSummaryCorrected = {
  type: 'ExecutiveSummaryCorrected';
  data: { planId: string; quarter: ConditionQuarter; text: string; version: number; reason: string };
};

export type QuarterlyReturnEvent = ExecutiveSummaryWritten | QuarterlyReturnSubmitted | QuarterlyReturnSignedOff | ExecutiveSummaryCorrected;

/** Current schema version of each quarterly return event; bump with an upcaster, never edit in place. */
export const QUARTERLY_RETURN_EVENT_VERSIONS: Record<QuarterlyReturnEvent['type'], number> = {
  ExecutiveSummaryWritten: 1,
  QuarterlyReturnSubmitted: 1,
  QuarterlyReturnSignedOff: 1,
  ExecutiveSummaryCorrected: 1,
};
