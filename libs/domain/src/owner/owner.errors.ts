import { AlreadyExistsError, NotFoundError } from '../shared/domain-error';

export class OwnerNotFoundError extends NotFoundError {
  constructor(ownerId: string, field = 'ownerId') {
    super('ownerExists', `No owner with id ${ownerId}`, field);
  }
}

/** Two people under one name and organisation could no longer be told apart when assigned by name. */
export class OwnerNameTakenError extends AlreadyExistsError {
  constructor(name: string, organisation: string) {
    super('ownerNameUnique', `Someone else is already recorded as ${name} (${organisation}); choose a name that tells them apart`, 'name');
  }
}
