import { AlreadyExistsError, InvalidValueError, NotFoundError } from '../shared/domain-error';

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

/** A person named as an owner by user id must work in the area, as a delegate must. */
export class OwnerUserNotFoundError extends NotFoundError {
  constructor(userId: string, field: string) {
    super('userInArea', `${field}: nobody with user id ${userId} works in this plan's area`, field);
  }
}

export class OwnerUserNotLinkedError extends InvalidValueError {
  constructor(userId: string, field: string) {
    super(field, 'linkedToOwner', `${field}: ${userId} is not linked to an owner; link them first (linkUserToOwner), or give the owner's name and organisation`);
  }
}
