import { AlreadyExistsError, InvalidValueError, NotFoundError, RuleViolationError } from '../shared/domain-error';
import { ukDateTime } from '../shared/uk-dates';

export class ReminderAlreadySentError extends RuleViolationError {
  constructor(key: string) {
    super('reminderNotSent', `Reminder ${key} has already been sent`);
  }
}

/**
 * Claimed but with no outcome recorded: another instance is sending it now, or one died between
 * the claim and recording what happened. Either way it may have gone, so it is not sent again.
 */
export class ReminderOutcomeUnknownError extends RuleViolationError {
  constructor(key: string, claimedBy: string) {
    super('reminderNotClaimed', `Reminder ${key} was claimed by ${claimedBy} and has no recorded outcome`);
  }
}

export class ReminderRetryNotDueError extends RuleViolationError {
  constructor(key: string, retryAfter: string) {
    super('reminderRetryDue', `Reminder ${key} failed; the next attempt is due at ${ukDateTime(retryAfter)}`);
  }
}

export class ReminderGivenUpError extends RuleViolationError {
  constructor(key: string, attempts: number) {
    super('reminderNotGivenUp', `Reminder ${key} was given up after ${attempts} failed attempt(s)`);
  }
}

export class ReminderNotClaimedError extends RuleViolationError {
  constructor(reminderId: string) {
    super('reminderClaimed', `Reminder ${reminderId} is not claimed, so no outcome can be recorded for it`);
  }
}

export class ReminderRecipientInvalidError extends InvalidValueError {
  constructor(value: string) {
    super('recipients', 'isEmail', `recipients must be email addresses, got "${value}"`);
  }
}

/** Only a reminder the ledger holds (claimed at least once) can be sent again; one merely due is sent by the next check. */
export class ReminderNotFoundError extends NotFoundError {
  constructor(reminderId: string) {
    super('reminderExists', `Reminder ${reminderId} has not been sent or tried yet, so there is nothing to send again`);
  }
}

/**
 * A re-send asked for while an attempt of the reminder's own is still open: one in flight, a retry
 * scheduled, or a re-send already waiting. Refused as a conflict, so one request is one more mail.
 */
export class ReminderResendConflictError extends AlreadyExistsError {
  constructor(key: string, rule: 'reminderSentOrGivenUp' | 'noResendWaiting', why: string) {
    super(rule, `Reminder ${key} cannot be sent again yet: ${why}. Only a reminder that was sent or given up can be sent again.`);
  }
}
