import { AlreadyExistsError, NotFoundError, RuleViolationError } from '../shared/domain-error';
import { ukDate } from '../shared/uk-dates';

export class ActionNotFoundError extends NotFoundError {
  constructor(actionId: string) {
    super('actionExists', `No action with id ${actionId}`);
  }
}

/** Asked for by plan and reference; the plan is one the person can see (else PlanNotFoundError). */
export class ActionRefNotFoundError extends NotFoundError {
  constructor(planId: string, ref: string) {
    super('actionExists', `Plan ${planId} has no action ${ref}`, 'ref');
  }
}

export class ActionRefTakenError extends AlreadyExistsError {
  constructor(ref: string) {
    super('refUniqueInPlan', `Action ${ref} already exists in this plan; references are unique within a plan`);
  }
}

export class UnknownAreaError extends RuleViolationError {
  constructor(areaNumber: number) {
    super('areaInPlan', `Area ${areaNumber} is not one of the plan's improvement areas`);
  }
}

export class UnknownPriorityError extends RuleViolationError {
  constructor(priorityNumber: number) {
    super('priorityInPlan', `Priority ${priorityNumber} is not one of the plan's recovery priorities`);
  }
}

export class RefOutsideAreaError extends RuleViolationError {
  constructor(ref: string, areaNumber: number) {
    super('refMatchesArea', `Action reference ${ref} must be numbered under its area, e.g. ${areaNumber}.1`);
  }
}

export class ActionNotOpenError extends RuleViolationError {
  constructor(ref: string, status: string, doing: string) {
    super('actionOpen', `Action ${ref} is ${status.toLowerCase()}; cannot ${doing}`);
  }
}

export class ActionClosedError extends RuleViolationError {
  constructor(ref: string, status: string, doing: string) {
    super('actionNotClosed', `Action ${ref} is ${status.toLowerCase()}; cannot ${doing}`);
  }
}

export class CompletionNeedsAcceptedEvidenceError extends RuleViolationError {
  constructor(ref: string) {
    super(
      'acceptedEvidenceBeforeBlue',
      `Action ${ref} cannot be marked complete (Blue) until the board has accepted at least one piece of evidence`,
    );
  }
}

export class ActionNotCompleteError extends RuleViolationError {
  constructor(ref: string) {
    super('reopenOnlyComplete', `Action ${ref} is not complete, so there is nothing to reopen`);
  }
}

export class ProgressOutOfOrderError extends RuleViolationError {
  constructor(asAt: string, lastAsAt: string) {
    super('asAtNotBeforeLastUpdate', `An update as at ${ukDate(asAt)} is earlier than the last update, as at ${ukDate(lastAsAt)}`);
  }
}

export class MilestoneNotFoundError extends NotFoundError {
  constructor(milestoneId: string) {
    super('milestoneExists', `No milestone with id ${milestoneId} on this action`);
  }
}

export class MilestoneAlreadyExistsError extends AlreadyExistsError {
  constructor(milestoneId: string) {
    super('milestoneIdUnique', `Milestone ${milestoneId} already exists on this action`);
  }
}

export class MilestoneAlreadyCompletedError extends RuleViolationError {
  constructor(title: string) {
    super('milestoneOpen', `Milestone "${title}" is already complete`);
  }
}

export class EvidenceNotFoundError extends NotFoundError {
  constructor(evidenceId: string) {
    super('evidenceExists', `No evidence with id ${evidenceId} on this action`);
  }
}

export class EvidenceAlreadyExistsError extends AlreadyExistsError {
  constructor(evidenceId: string) {
    super('evidenceIdUnique', `Evidence ${evidenceId} already exists on this action`);
  }
}

export class EvidenceAlreadyReviewedError extends RuleViolationError {
  constructor(title: string, outcome: string) {
    super('evidencePending', `Evidence "${title}" has already been ${outcome.toLowerCase()}`);
  }
}

export class SameValueError extends RuleViolationError {
  constructor(what: string) {
    super('changesSomething', `${what} is unchanged; nothing to record`);
  }
}

export class AlreadyDelegatedError extends RuleViolationError {
  constructor(name: string) {
    super('delegateIsNew', `${name} is already a delegate on this action`);
  }
}

export class NotDelegatedError extends RuleViolationError {
  constructor(userId: string) {
    super('delegateHeld', `${userId} is not a delegate on this action`);
  }
}

export class SupersedingActionInvalidError extends RuleViolationError {
  constructor(message: string) {
    super('supersededByOpenActionInPlan', message);
  }
}

export class ProgressUpdateNotFoundError extends NotFoundError {
  constructor(revision: number) {
    super('progressUpdateExists', `Revision ${revision} of this action is not a progress update, so there is nothing to correct`);
  }
}

export class ProgressAlreadyCorrectedError extends RuleViolationError {
  constructor(revision: number, supersededBy: number) {
    super(
      'correctsLatestVersion',
      `The update at revision ${revision} was already corrected at revision ${supersededBy}; correct revision ${supersededBy} instead`,
    );
  }
}

export class ConfidenceOutOfOrderError extends RuleViolationError {
  constructor(asAt: string, lastAsAt: string) {
    super('asAtNotBeforeLastRating', `A confidence rating as at ${ukDate(asAt)} is earlier than the last rating, as at ${ukDate(lastAsAt)}`);
  }
}
