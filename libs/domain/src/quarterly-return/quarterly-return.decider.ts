import { conditionQuarterEnd, conditionQuarterStart, requireConditionQuarter } from '../condition/condition-quarter';
import { CommandMetadata } from '../shared/command-metadata';
import { requireText } from '../shared/guards';
import { londonDateOf } from '../shared/london-day';
import { financialPeriodEndInstant, parseFinancialPeriod } from '../shared/financial-period';
import { ukDate } from '../shared/uk-dates';
import { QuarterlyReturnCommand } from './quarterly-return.commands';
import {
  CorrectionBeforeSignOffError,
  CorrectionReasonRequiredError,
  ExecutiveSummaryTooLongError,
  ExecutiveSummaryUnchangedError,
  QuarterlyReturnNotFoundError,
  ReportHashFormatError,
  ReturnBeforePlanError,
  ReturnAlreadySignedOffError,
  ReturnAlreadySubmittedError,
  ReturnNotSubmittedError,
  ReturnQuarterNotBegunError,
  ReturnQuarterNotEndedError,
} from './quarterly-return.errors';
import { QuarterlyReturnEvent } from './quarterly-return.events';

/** About four printed pages: a summary for a board paper, not the report itself. */
export const EXECUTIVE_SUMMARY_MAX_LENGTH = 12_000;

export type QuarterlyReturnState =
  | { exists: false }
  | {
      exists: true;
      planId: string;
      quarter: string;
      summary: { text: string; version: number };
      submitted: boolean;
      signedOff: boolean;
    };

/** When the plan was created (its first event); the command handler reads it. */
export interface QuarterlyReturnDecisionContext {
  planCreatedAt?: string;
}

export const initialQuarterlyReturnState = (): QuarterlyReturnState => ({ exists: false });

export function evolveQuarterlyReturn(state: QuarterlyReturnState, event: QuarterlyReturnEvent): QuarterlyReturnState {
  switch (event.type) {
    case 'ExecutiveSummaryWritten': {
      const { planId, quarter, text, version } = event.data;
      return { exists: true, planId, quarter, summary: { text, version }, submitted: false, signedOff: false };
    }
    case 'QuarterlyReturnSubmitted':
      return state.exists ? { ...state, submitted: true } : state;
    case 'QuarterlyReturnSignedOff':
      return state.exists ? { ...state, signedOff: true } : state;
    case 'ExecutiveSummaryCorrected':
      return state.exists ? { ...state, summary: { text: event.data.text, version: event.data.version } } : state;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/**
 * A quarter's return on its own stream: the programme office writes the executive summary and
 * submits the return, the board chair signs it off, and from then it is frozen; a later change to
 * the summary is a correction with a reason, listed beside the signed text rather than replacing it.
 */
export function decideQuarterlyReturn(command: QuarterlyReturnCommand, state: QuarterlyReturnState, metadata: CommandMetadata, context: QuarterlyReturnDecisionContext = {}): QuarterlyReturnEvent[] {
  const quarter = requireConditionQuarter('quarter', command.data.quarter);
  const { planId } = command.data;
  const today = londonDateOf(metadata.now);
  const { planCreatedAt } = context;
  if (planCreatedAt !== undefined && planCreatedAt > financialPeriodEndInstant(parseFinancialPeriod(quarter)!)) throw new ReturnBeforePlanError(quarter, ukDate(londonDateOf(planCreatedAt)));
  switch (command.type) {
    case 'WriteExecutiveSummary': {
      const start = conditionQuarterStart(quarter);
      if (start > today) throw new ReturnQuarterNotBegunError(quarter, ukDate(start));
      const text = requireText('text', command.data.text);
      if (text.length > EXECUTIVE_SUMMARY_MAX_LENGTH) throw new ExecutiveSummaryTooLongError(EXECUTIVE_SUMMARY_MAX_LENGTH, text.length);
      const reasonGiven = command.data.correctionReason !== undefined && command.data.correctionReason !== null;
      if (state.exists && state.summary.text === text) throw new ExecutiveSummaryUnchangedError(quarter);
      if (state.exists && state.signedOff) {
        if (!reasonGiven) throw new CorrectionReasonRequiredError(quarter);
        const reason = requireText('correctionReason', command.data.correctionReason);
        return [{ type: 'ExecutiveSummaryCorrected', data: { planId, quarter, text, version: state.summary.version + 1, reason } }];
      }
      if (reasonGiven) throw new CorrectionBeforeSignOffError(quarter);
      const version = state.exists ? state.summary.version + 1 : 1;
      return [{ type: 'ExecutiveSummaryWritten', data: { planId, quarter, text, version, withdrawsSubmission: state.exists && state.submitted } }];
    }
    case 'SubmitQuarterlyReturn': {
      if (!state.exists) throw new QuarterlyReturnNotFoundError(quarter);
      if (state.signedOff) throw new ReturnAlreadySignedOffError(quarter);
      if (state.submitted) throw new ReturnAlreadySubmittedError(quarter);
      const end = conditionQuarterEnd(quarter);
      if (end >= today) throw new ReturnQuarterNotEndedError(quarter, ukDate(end));
      return [{ type: 'QuarterlyReturnSubmitted', data: { planId, quarter, summaryVersion: state.summary.version } }];
    }
    case 'SignOffQuarterlyReturn': {
      if (!state.exists) throw new QuarterlyReturnNotFoundError(quarter);
      if (state.signedOff) throw new ReturnAlreadySignedOffError(quarter);
      if (!state.submitted) throw new ReturnNotSubmittedError(quarter);
      const { htmlSha256, csvSha256, knownUpToPosition } = command.data;
      for (const [field, value] of [['htmlSha256', htmlSha256], ['csvSha256', csvSha256]] as const) if (!/^[0-9a-f]{64}$/.test(value ?? '')) throw new ReportHashFormatError(field);
      return [{ type: 'QuarterlyReturnSignedOff', data: { planId, quarter, summaryVersion: state.summary.version, htmlSha256, csvSha256, knownUpToPosition } }];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
