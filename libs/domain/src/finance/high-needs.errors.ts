import { AlreadyExistsError, InvalidValueError, NotFoundError, RuleViolationError } from '../shared/domain-error';

export class HighNeedsPositionNotStartedError extends NotFoundError {
  constructor(planId: string) {
    super('highNeedsPositionExists', `The High Needs Block position of plan ${planId} has not been started; start it with its first year and opening cumulative deficit`);
  }
}

export class HighNeedsPositionStartedError extends AlreadyExistsError {
  constructor(planId: string) {
    super('highNeedsPositionIsNew', `The High Needs Block position of plan ${planId} has already been started`);
  }
}

export class HighNeedsPlanNotFoundError extends NotFoundError {
  constructor(planId: string) {
    super('planExists', `No improvement plan with id ${planId} to keep a High Needs Block position for`);
  }
}

export class FinancialPeriodFormatError extends InvalidValueError {
  constructor(field: string, value: unknown, expected: 'year' | 'quarter') {
    const shape = expected === 'year' ? 'a financial year as YYYY/YY, e.g. 2025/26' : 'a financial quarter as YYYY/YY Qn, e.g. 2025/26 Q2';
    super(field, 'financialPeriod', `${field} must be ${shape}; got ${JSON.stringify(value)}`);
  }
}

/** Years are kept without gaps, or a cumulative deficit could not be carried forward. */
export class HighNeedsYearOutOfSequenceError extends InvalidValueError {
  constructor(field: string, year: string, expected: string) {
    super(field, 'yearInSequence', `${field} ${year} cannot be given yet: the position's years run without gaps, and the next is ${expected}`);
  }
}

export class HighNeedsYearNotSetError extends RuleViolationError {
  constructor(year: string) {
    super('yearSet', `Set ${year}'s DSG allocation and budget before forecasting it: its deficit is reckoned from them`);
  }
}

export class ForecastForFutureQuarterError extends InvalidValueError {
  constructor(period: string, starts: string) {
    super('period', 'quarterStarted', `period ${period} starts on ${starts}; a forecast can be recorded once its quarter has begun`);
  }
}

export class RevisionReasonRequiredError extends InvalidValueError {
  constructor(year: string) {
    super('reason', 'reasonForRevision', `reason is required: ${year}'s figures are already set, and a revision says why`);
  }
}
