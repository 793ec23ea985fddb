import { AlreadyExistsError, InvalidValueError, NotFoundError, RuleViolationError } from '../shared/domain-error';

export class DependencyPlanNotFoundError extends NotFoundError {
  constructor(planId: string) {
    super('planExists', `No improvement plan with id ${planId}`);
  }
}

/** Either end of a dependency names an action that is not in the plan. */
export class DependencyActionNotInPlanError extends InvalidValueError {
  constructor(field: 'actionId' | 'dependsOnActionId', actionId: string) {
    super(field, 'actionOfPlan', `${field}: ${actionId} is not an action of this plan`);
  }
}

export class DependencyOnItselfError extends InvalidValueError {
  constructor(ref: string) {
    super('dependsOnActionId', 'notItself', `Action ${ref} cannot depend on itself`);
  }
}

/** A withdrawn or superseded action is no longer delivered, so nothing can wait for it, nor can it wait. */
export class DependencyOnClosedActionError extends RuleViolationError {
  constructor(field: 'actionId' | 'dependsOnActionId', ref: string, status: string) {
    super('actionNotClosed', `${field}: action ${ref} is ${status.toLowerCase()}, so it cannot take part in a dependency`, field);
  }
}

export class DependencyAlreadyDeclaredError extends AlreadyExistsError {
  constructor(ref: string, dependsOnRef: string) {
    super('dependencyUnique', `Action ${ref} already depends on ${dependsOnRef}`);
  }
}

/** The new dependency would close a loop: each action in it would wait for itself. */
export class DependencyCycleError extends RuleViolationError {
  constructor(readonly cycle: string[]) {
    super('noCycle', `That dependency would make a cycle (${cycle.join(' → ')}): an action would wait for itself`, 'dependsOnActionId');
  }
}

export class DependencyNotFoundError extends NotFoundError {
  constructor(ref: string, dependsOnRef: string) {
    super('dependencyExists', `Action ${ref} does not depend on ${dependsOnRef}`);
  }
}
