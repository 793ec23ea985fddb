import { AlreadyExistsError, InvalidValueError, NotFoundError, RuleViolationError } from '../shared/domain-error';
import { ChallengeStatus } from './challenge.commands';

export class ChallengeNotFoundError extends NotFoundError {
  constructor(challengeId: string) {
    super('challengeExists', `No challenge with id ${challengeId}`);
  }
}

export class ChallengeAlreadyExistsError extends AlreadyExistsError {
  constructor(challengeId: string) {
    super('challengeIsNew', `A challenge with id ${challengeId} already exists`);
  }
}

/** The action or risk asked about is not in the plan (or does not exist). */
export class ChallengeSubjectOutsidePlanError extends InvalidValueError {
  constructor(kind: string) {
    super('subject.id', 'subjectInPlan', `The ${kind.toLowerCase()} challenged must be in the plan`);
  }
}

const WORDS: Record<ChallengeStatus, string> = {
  AWAITING_ANSWER: 'is waiting for an answer',
  ANSWERED: 'has been answered',
  RESOLVED: 'has been resolved',
};

export class ChallengeStateError extends RuleViolationError {
  constructor(status: ChallengeStatus, doing: string) {
    super('challengeTurn', `The challenge ${WORDS[status]}, so it cannot be ${doing}`);
  }
}
