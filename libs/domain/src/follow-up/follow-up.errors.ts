import { AlreadyExistsError, InvalidValueError, NotFoundError, RuleViolationError } from '../shared/domain-error';
import { ukDate } from '../shared/uk-dates';

export class FollowUpNotFoundError extends NotFoundError {
  constructor(followUpId: string) {
    super('followUpExists', `No follow-up with id ${followUpId}`);
  }
}

export class FollowUpAlreadyExistsError extends AlreadyExistsError {
  constructor(followUpId: string) {
    super('followUpIsNew', `A follow-up with id ${followUpId} already exists`);
  }
}

export class FollowUpClosedError extends RuleViolationError {
  constructor(status: string) {
    super('followUpOpen', `The follow-up is ${status === 'DONE' ? 'done' : 'dropped'}; it can no longer change`);
  }
}

export class FollowUpDueBeforeMeetingError extends InvalidValueError {
  constructor(dueDate: string, meetingDate: string) {
    super('dueDate', 'notBeforeMeeting', `dueDate (${ukDate(dueDate)}) cannot be before the meeting that asked for it (${ukDate(meetingDate)})`);
  }
}

export class FollowUpOwnerUnknownError extends InvalidValueError {
  constructor(userId: string) {
    super('owner.userId', 'userInArea', `owner.userId (${userId}) is not someone who works in this plan's area`);
  }
}
