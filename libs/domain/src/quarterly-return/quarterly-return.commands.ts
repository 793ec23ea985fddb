import { ConditionQuarter } from '../condition/condition-quarter';

/**
 * The programme office's narrative for the quarter. Once the return is signed off, a change is a
 * correction and needs `correctionReason`; before then it must not carry one.
 */
export type WriteExecutiveSummary = {
  type: 'WriteExecutiveSummary';
  data: { planId: string; quarter: ConditionQuarter; text: string; correctionReason?: string | null };
};

export type SubmitQuarterlyReturn = { type: 'SubmitQuarterlyReturn'; data: { planId: string; quarter: ConditionQuarter } };

/**
 * The chair signs the report as it stands: the command handler renders it from the store up to
 * `knownUpToPosition` and sends the SHA-256 of the exact HTML and CSV bytes, so the domain stays
 * pure and the event says precisely what was signed.
 */
export type SignOffQuarterlyReturn = {
  type: 'SignOffQuarterlyReturn';
  data: { planId: string; quarter: ConditionQuarter; htmlSha256: string; csvSha256: string; knownUpToPosition: string };
};

export type QuarterlyReturnCommand = WriteExecutiveSummary | SubmitQuarterlyReturn | SignOffQuarterlyReturn;
