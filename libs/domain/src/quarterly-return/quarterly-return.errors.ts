import { InvalidValueError, NotFoundError, RuleViolationError } from '../shared/domain-error';

export class QuarterlyReturnNotFoundError extends NotFoundError {
  constructor(quarter: string) {
    super('returnExists', `Nothing has been written for the ${quarter} return yet: write its executive summary first`);
  }
}

export class ExecutiveSummaryTooLongError extends InvalidValueError {
  constructor(max: number, length: number) {
    super('text', `maxLength:${max}`, `text must be at most ${max} characters; this one has ${length}`);
  }
}

export class ReturnQuarterNotBegunError extends InvalidValueError {
  constructor(quarter: string, start: string) {
    super('quarter', 'quarterBegun', `quarter ${quarter} begins on ${start}: its executive summary cannot be written before then`);
  }
}

export class ReturnQuarterNotEndedError extends RuleViolationError {
  constructor(quarter: string, end: string) {
    super('quarterEnded', `${quarter} ends on ${end}: its return can be submitted from the day after`);
  }
}

export class ExecutiveSummaryUnchangedError extends RuleViolationError {
  constructor(quarter: string) {
    super('summaryChanges', `The executive summary for ${quarter} already says this`);
  }
}

/** Before sign-off the summary is simply rewritten; a reason belongs to a correction of a signed text. */
export class CorrectionBeforeSignOffError extends InvalidValueError {
  constructor(quarter: string) {
    super('correctionReason', 'onlyAfterSignOff', `The ${quarter} return is not signed off: rewrite the summary without a correctionReason`);
  }
}

export class CorrectionReasonRequiredError extends InvalidValueError {
  constructor(quarter: string) {
    super('correctionReason', 'required', `The ${quarter} return is signed off: a change to its executive summary is a correction and needs a correctionReason`);
  }
}

export class ReturnAlreadySubmittedError extends RuleViolationError {
  constructor(quarter: string) {
    super('notYetSubmitted', `The ${quarter} return is already submitted for sign-off`);
  }
}

export class ReturnNotSubmittedError extends RuleViolationError {
  constructor(quarter: string) {
    super('submittedBeforeSignOff', `The ${quarter} return has not been submitted by the programme office, so there is nothing to sign off`);
  }
}

export class ReturnAlreadySignedOffError extends RuleViolationError {
  constructor(quarter: string) {
    super('notYetSignedOff', `The ${quarter} return is signed off; a signed return is frozen and cannot be submitted or signed again`);
  }
}

export class ReportHashFormatError extends InvalidValueError {
  constructor(field: string) {
    super(field, 'sha256Hex', `${field} must be a SHA-256 digest as 64 lower-case hexadecimal characters`);
  }
}

/** A plan's report starts with the plan: a quarter that ended before it existed has no report to return. */
export class ReturnBeforePlanError extends RuleViolationError {
  constructor(quarter: string, created: string) {
    super('planExistedInQuarter', `${quarter} ended before this plan was created on ${created}: it has no report, so no return`);
  }
}
