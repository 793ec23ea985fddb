import { AlreadyExistsError, InvalidValueError, NotFoundError, RuleViolationError } from '../shared/domain-error';
import { ukDate } from '../shared/uk-dates';

export class FundingPlanNotFoundError extends NotFoundError {
  constructor(planId: string) {
    super('planExists', `No improvement plan with id ${planId} to record funding for`);
  }
}

export class FundingActionNotFoundError extends NotFoundError {
  constructor(actionId: string) {
    super('actionExists', `No action with id ${actionId} in this plan`);
  }
}

/** The first write to a plan's funding may come without a revision; every later one names the revision it was made against. */
export class FundingRevisionRequiredError extends AlreadyExistsError {
  constructor(planId: string) {
    super('expectedRevisionRequired', `Plan ${planId} already has money recorded on its actions or priorities: send expectedRevision (PlanFinance.revision or ActionFinance.revision) so a change made meanwhile is not overwritten`);
  }
}

export class FundingNotSetError extends RuleViolationError {
  constructor(ref: string) {
    super('fundingSet', `Set action ${ref}'s planned cost and funding source before recording spend or savings against it`);
  }
}

export class UnknownSavingsPriorityError extends InvalidValueError {
  constructor(field: string, value: unknown) {
    super(field, 'knownPriority', `${field} must be one of the plan's recovery priorities (1 to 7); got ${JSON.stringify(value)}`);
  }
}

export class FundingReasonRequiredError extends InvalidValueError {
  constructor(ref: string) {
    super('reason', 'reasonForRevision', `reason is required: action ${ref}'s funding is already set, and a revision says why`);
  }
}

/** Spend and savings "to date" run forward: a figure as at an earlier date than the last would rewrite what the board was told. */
export class AsOfDateBeforeLastError extends InvalidValueError {
  constructor(asOfDate: string, last: string) {
    super('asOfDate', 'notBeforeLast', `asOfDate (${ukDate(asOfDate)}) cannot be earlier than the last figure's (${ukDate(last)})`);
  }
}

export class SavingsAsOfOutsideYearError extends InvalidValueError {
  constructor(asOfDate: string, year: string) {
    super('asOfDate', 'withinYear', `asOfDate (${ukDate(asOfDate)}) must fall in or after ${year}, the year the savings are evidenced for`);
  }
}

export class SavingsYearNotBegunError extends InvalidValueError {
  constructor(year: string, starts: string) {
    super('year', 'yearStarted', `year ${year} starts on ${ukDate(starts)}; savings can be evidenced once it has begun`);
  }
}
