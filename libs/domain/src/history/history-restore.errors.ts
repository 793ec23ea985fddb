import { AlreadyExistsError } from '../shared/domain-error';
import { ukDateTime } from '../shared/uk-dates';

/** One stream per restore: recording the same restore twice would count one incident as two. */
export class HistoryRestoreAlreadyRecordedError extends AlreadyExistsError {
  constructor(restoreId: string, restoredAt: string) {
    super('historyRestoreNotRecorded', `The restore ${restoreId} was already recorded on ${ukDateTime(restoredAt)}`, 'restoreId');
  }
}
