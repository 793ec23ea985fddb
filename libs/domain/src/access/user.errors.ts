import { AlreadyExistsError, InvalidValueError, NotFoundError, RuleViolationError } from '../shared/domain-error';

export class UserNotFoundError extends NotFoundError {
  constructor(userId: string) {
    super('userExists', `No user with id ${userId}`);
  }
}

export class UserAlreadyExistsError extends AlreadyExistsError {
  constructor(userId: string) {
    super('userIsNew', `A user with id ${userId} already exists`);
  }
}

export class UnknownRoleError extends InvalidValueError {
  constructor(role: string) {
    super('role', 'isRole', `${role} is not a role; roles are PLAN_ADMINISTRATOR, BOARD_CHAIR, BOARD_MEMBER, ACTION_OWNER, DFE_ADVISER`);
  }
}

export class RoleNotHeldError extends RuleViolationError {
  constructor(role: string, localAreaId: string) {
    super('roleHeld', `The user does not hold ${role} in ${localAreaId}`);
  }
}
