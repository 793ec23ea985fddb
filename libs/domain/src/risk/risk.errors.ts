import { AlreadyExistsError, InvalidValueError, NotFoundError, RuleViolationError } from '../shared/domain-error';
import { ukDate } from '../shared/uk-dates';
import { RiskStatus } from './risk.commands';

export class RiskNotFoundError extends NotFoundError {
  constructor(riskId: string) {
    super('riskExists', `No risk with id ${riskId}`);
  }
}

/** A risk's stream is named from its plan and reference, so a second R3 in a plan finds the first. */
export class RiskRefTakenError extends AlreadyExistsError {
  constructor(ref: string) {
    super('riskRefUniqueInPlan', `Risk ${ref} already exists in this plan; references are unique within a plan`);
  }
}

export class RiskPlanNotFoundError extends NotFoundError {
  constructor(planId: string) {
    super('planExists', `No improvement plan with id ${planId} to raise the risk in`);
  }
}

export class RiskNotOpenError extends RuleViolationError {
  constructor(ref: string, status: RiskStatus, doing: string) {
    const state = status === 'CLOSED' ? 'closed' : 'recorded as an issue';
    super('riskOpen', `Risk ${ref} is ${state}, so it cannot be ${doing}`);
  }
}

/** A link to an area, priority or action the plan does not have. */
export class RiskLinkOutsidePlanError extends InvalidValueError {
  constructor(field: string, what: string) {
    super(field, 'linkInPlan', `${field}: ${what} is not in the risk's plan`);
  }
}

export class DuplicateRiskLinkError extends InvalidValueError {
  constructor(field: string, what: string) {
    super(field, 'linkUnique', `${field} names ${what} twice`);
  }
}

export class TargetAboveInherentError extends InvalidValueError {
  constructor(target: number, inherent: number) {
    super('target', 'targetNotAboveInherent', `The target score (${target}) cannot be higher than the inherent score (${inherent}): mitigation aims to lower a risk`);
  }
}

export class RescoreBeforeLastError extends InvalidValueError {
  constructor(asAt: string, lastAsAt: string) {
    super('asAt', 'asAtNotBeforeLast', `asAt (${ukDate(asAt)}) cannot be earlier than the risk's last score, as at ${ukDate(lastAsAt)}`);
  }
}

export class MitigationNotFoundError extends NotFoundError {
  constructor(mitigationId: string) {
    super('mitigationExists', `No mitigation with id ${mitigationId} on this risk`);
  }
}

export class MitigationAlreadyExistsError extends AlreadyExistsError {
  constructor(mitigationId: string) {
    super('mitigationIsNew', `A mitigation with id ${mitigationId} already exists on this risk`);
  }
}

export class MitigationStatusUnchangedError extends RuleViolationError {
  constructor(status: string) {
    super('mitigationStatusChanges', `The mitigation is already ${status}`);
  }
}

export class RiskOwnerUnchangedError extends RuleViolationError {
  constructor(ref: string, name: string) {
    super('riskOwnerChanges', `${name} already owns risk ${ref}`);
  }
}
