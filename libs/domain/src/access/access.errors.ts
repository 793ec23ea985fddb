import { DomainError } from '../shared/domain-error';

/** The person may see the thing but may not do this to it. */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;

  constructor(what: string, allowed: readonly string[]) {
    super(
      'roleAllows',
      allowed.length === 0
        ? `No role may ${what}`
        : `You may not ${what}: only ${allowed.join(' or ')} may`,
    );
  }
}
