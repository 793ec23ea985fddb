import { AlreadyExistsError, NotFoundError, RuleViolationError } from '../shared/domain-error';
import { ukDateTime } from '../shared/uk-dates';

export class HistoryBreakNotFoundError extends NotFoundError {
  constructor(breakId: string) {
    super('historyBreakExists', `No history break ${breakId} has been recorded: acknowledge the break the History check or the banner names`, 'breakId');
  }
}

export class HistoryBreakAlreadyAcknowledgedError extends AlreadyExistsError {
  constructor(breakId: string, acknowledgedAt: string) {
    super('historyBreakNotAcknowledged', `The history break ${breakId} was already acknowledged on ${ukDateTime(acknowledgedAt)}`);
  }
}

/** An alert outcome or retry that does not follow from the alert's state: a claim taken elsewhere, or nothing to retry. */
export class HistoryBreakAlertStateError extends RuleViolationError {
  constructor(breakId: string, why: string) {
    super('historyBreakAlertState', `The alert for history break ${breakId} ${why}`);
  }
}
