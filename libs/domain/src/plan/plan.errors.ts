import { AlreadyExistsError, InvalidValueError, NotFoundError, RuleViolationError } from '../shared/domain-error';
import { ukDate } from '../shared/uk-dates';

export class PlanNotFoundError extends NotFoundError {
  constructor(planId: string) {
    super('planExists', `No improvement plan with id ${planId}`);
  }
}

export class PlanAlreadyExistsError extends AlreadyExistsError {
  constructor(planId: string) {
    super('planIsNew', `An improvement plan with id ${planId} already exists`);
  }
}

export class StaleThresholdInvalidError extends InvalidValueError {
  constructor(value: number) {
    super('staleAfterDays', 'min:1,max:366', `staleAfterDays must be a whole number of days from 1 to 366, got ${value}`);
  }
}

export class UpdateRoundAlreadyOpenError extends RuleViolationError {
  constructor(title: string) {
    super('oneOpenUpdateRound', `The update round "${title}" is still open; close it before opening another`);
  }
}

export class UpdateRoundNotOpenError extends RuleViolationError {
  constructor(roundId: string) {
    super('updateRoundOpen', `Update round ${roundId} is not the open round`);
  }
}

export class DeadlineBeforeOpeningError extends InvalidValueError {
  constructor(deadline: string, today: string) {
    super('deadline', 'notBeforeToday', `The deadline (${ukDate(deadline)}) cannot be before today (${ukDate(today)})`);
  }
}

export class RevisionNotNewerError extends RuleViolationError {
  constructor(approvedOn: string, lastApprovedOn: string) {
    super('revisionAfterCurrent', `A revision approved on ${ukDate(approvedOn)} cannot precede the current version approved on ${ukDate(lastApprovedOn)}`);
  }
}
