import { AlreadyExistsError, InvalidValueError, NotFoundError, RuleViolationError } from '../shared/domain-error';

export class ConditionNotFoundError extends NotFoundError {
  constructor(conditionId: string) {
    super('conditionExists', `No condition with id ${conditionId}`);
  }
}

/** A condition's stream is named from its plan and reference, so a second C2 in a plan finds the first. */
export class ConditionRefTakenError extends AlreadyExistsError {
  constructor(ref: string) {
    super('conditionRefUniqueInPlan', `Condition ${ref} already exists in this plan; references are unique within a plan`);
  }
}

export class ConditionPlanNotFoundError extends NotFoundError {
  constructor(planId: string) {
    super('planExists', `No improvement plan with id ${planId} to add the condition to`);
  }
}

export class ConditionLinkOutsidePlanError extends InvalidValueError {
  constructor(field: string, what: string) {
    super(field, 'linkInPlan', `${field}: ${what} is not in the condition's plan`);
  }
}

export class DuplicateConditionLinkError extends InvalidValueError {
  constructor(field: string, what: string) {
    super(field, 'linkUnique', `${field} names ${what} more than once`);
  }
}

export class ConditionAlreadyLinkedError extends RuleViolationError {
  constructor(ref: string, what: string) {
    super('linkIsNew', `Condition ${ref} is already linked to ${what}`);
  }
}

export class ConditionNotLinkedError extends NotFoundError {
  constructor(ref: string, what: string) {
    super('linkExists', `Condition ${ref} is not linked to ${what}`);
  }
}

export class ConditionWordingUnchangedError extends RuleViolationError {
  constructor(ref: string) {
    super('wordingChanges', `The revision says what condition ${ref} already says: change the text, paragraph, measure or due date`);
  }
}

export class ConditionQuarterNotBegunError extends InvalidValueError {
  constructor(quarter: string, start: string) {
    super('quarter', 'quarterBegun', `quarter ${quarter} begins on ${start}: a status cannot be recorded for a quarter that has not begun`);
  }
}

export class ConditionStatusUnchangedError extends RuleViolationError {
  constructor(ref: string, quarter: string) {
    super('statusChanges', `Condition ${ref} already has this status and commentary for ${quarter}`);
  }
}

export class ConditionStatusNotRecordedError extends NotFoundError {
  constructor(ref: string, quarter: string) {
    super('statusRecorded', `No status has been recorded for condition ${ref} in ${quarter}, so there is nothing to approve`);
  }
}

/** The chair approves the status they read; if the programme office changed it since, they read it again. */
export class ConditionStatusChangedSinceReadError extends RuleViolationError {
  constructor(ref: string, quarter: string, read: number, latest: number) {
    super('approveLatestStatus', `Condition ${ref}'s status for ${quarter} is now version ${latest}, not version ${read}; read it again before approving`, 'version');
  }
}

export class ConditionStatusAlreadyApprovedError extends RuleViolationError {
  constructor(ref: string, quarter: string, version: number) {
    super('statusNotYetApproved', `Condition ${ref}'s status for ${quarter} (version ${version}) is already approved`);
  }
}
