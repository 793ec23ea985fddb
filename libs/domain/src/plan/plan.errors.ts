import { AlreadyExistsError, InvalidValueError, NotFoundError, RuleViolationError } from '../shared/domain-error';

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

export class RevisionNotNewerError extends RuleViolationError {
  constructor(approvedOn: string, lastApprovedOn: string) {
    super('revisionAfterCurrent', `A revision approved on ${approvedOn} cannot precede the current version approved on ${lastApprovedOn}`);
  }
}
