import { DomainError, NotFoundError } from '../shared/domain-error';

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

/**
 * An area the person holds no role in: answered like a plan or action there, as if it did not
 * exist, so asking cannot tell which areas are in use.
 */
export class LocalAreaNotFoundError extends NotFoundError {
  constructor(localAreaId: string) {
    super('localAreaExists', `No local area ${localAreaId}`, 'localAreaId');
  }
}
