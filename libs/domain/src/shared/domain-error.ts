/**
 * Why a command was refused. `kind` lets the API map refusals to stable error codes without
 * knowing every rule; `rule` names the specific rule for clients and tests.
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'already_exists' | 'rule_violation' | 'forbidden';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(
    readonly rule: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A value in the command breaks a rule about that value alone (blank commentary, bad date). */
export class InvalidValueError extends DomainError {
  readonly kind = 'invalid' as const;
  constructor(field: string, rule: string, message: string) {
    super(rule, message, field);
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not_found' as const;
}

export class AlreadyExistsError extends DomainError {
  readonly kind = 'already_exists' as const;
}

/** The command is well-formed but the current state does not allow it. */
export class RuleViolationError extends DomainError {
  readonly kind = 'rule_violation' as const;
}
