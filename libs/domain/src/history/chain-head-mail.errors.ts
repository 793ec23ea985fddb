import { RuleViolationError } from '../shared/domain-error';
import { ukDateTime } from '../shared/uk-dates';

export class ChainHeadMailAlreadySentError extends RuleViolationError {
  constructor(key: string, sentAt: string) {
    super('chainHeadMailNotSent', `The chain head mail ${key} was already sent on ${ukDateTime(sentAt)}`);
  }
}

/**
 * Claimed with no outcome recorded: another instance is sending it now, or one died between the
 * claim and recording what happened. Either way it may have gone, so it is not sent again.
 */
export class ChainHeadMailOutcomeUnknownError extends RuleViolationError {
  constructor(key: string, claimedBy: string) {
    super('chainHeadMailNotClaimed', `The chain head mail ${key} was claimed by ${claimedBy} and has no recorded outcome`);
  }
}

export class ChainHeadMailRetryNotDueError extends RuleViolationError {
  constructor(key: string, retryAfter: string) {
    super('chainHeadMailRetryDue', `The chain head mail ${key} failed; the next attempt is due at ${ukDateTime(retryAfter)}`);
  }
}

export class ChainHeadMailGivenUpError extends RuleViolationError {
  constructor(key: string, attempts: number) {
    super('chainHeadMailNotGivenUp', `The chain head mail ${key} was given up after ${attempts} failed attempt(s)`);
  }
}

export class ChainHeadMailNotClaimedError extends RuleViolationError {
  constructor(key: string) {
    super('chainHeadMailClaimed', `The chain head mail ${key} is not claimed, so no outcome can be recorded for it`);
  }
}
