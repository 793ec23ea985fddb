import { CommandMetadata } from '../shared/command-metadata';
import { InvalidValueError } from '../shared/domain-error';
import { requireText } from '../shared/guards';
import { BreakFoundInCurrent, HistoryComparisonCounts, HistoryRestoreCommand, MAX_RESTORE_REASON_LENGTH } from './history-restore.commands';
import { HistoryRestored, HistoryRestoreEvent } from './history-restore.events';
import { HistoryRestoreAlreadyRecordedError } from './history-restore.errors';

export type HistoryRestoreState = { status: 'absent' } | { status: 'recorded'; restore: HistoryRestored['data'] };

export const initialHistoryRestoreState = (): HistoryRestoreState => ({ status: 'absent' });

export function evolveHistoryRestore(_state: HistoryRestoreState, event: HistoryRestoreEvent): HistoryRestoreState {
  switch (event.type) {
    case 'HistoryRestored':
      return { status: 'recorded', restore: event.data };
    default: {
      const unhandled: never = event.type;
      return unhandled;
    }
  }
}

const POSITION = /^[1-9][0-9]{0,18}$/;
const HEAD = /^[1-9][0-9]{0,18}:[0-9a-f]{64}$/;
const BREAK_KIND = /^[A-Z][A-Z_]*$/;
const COUNTS: (keyof HistoryComparisonCounts)[] = ['edited', 'deleted', 'reordered', 'inserted', 'writtenSince'];

function validBreak(found: BreakFoundInCurrent | null): BreakFoundInCurrent | null {
  if (found === null) return null;
  if (!BREAK_KIND.test(found.kind)) throw new InvalidValueError('currentBreak.kind', 'isBreakKind', `currentBreak.kind must be a break kind such as EDITED, got "${found.kind}"`);
  if (!POSITION.test(found.position)) throw new InvalidValueError('currentBreak.position', 'isPosition', 'currentBreak.position must be a positive whole number');
  return { kind: found.kind, position: found.position };
}

function validCounts(counts: HistoryComparisonCounts): HistoryComparisonCounts {
  for (const name of COUNTS) {
    if (!Number.isSafeInteger(counts[name]) || counts[name] < 0) throw new InvalidValueError(`comparison.${name}`, 'isCount', `comparison.${name} must be a whole number, 0 or more`);
  }
  return Object.fromEntries(COUNTS.map((name) => [name, counts[name]])) as unknown as HistoryComparisonCounts;
}

export function decideHistoryRestore(command: HistoryRestoreCommand, state: HistoryRestoreState, metadata: CommandMetadata): HistoryRestoreEvent[] {
  switch (command.type) {
    case 'RecordHistoryRestore': {
      const { data } = command;
      const restoreId = requireText('restoreId', data.restoreId);
      if (state.status === 'recorded') throw new HistoryRestoreAlreadyRecordedError(restoreId, state.restore.restoredAt);
      const reason = requireText('reason', data.reason);
      if (reason.length > MAX_RESTORE_REASON_LENGTH) throw new InvalidValueError('reason', 'maxLength', `reason must be at most ${MAX_RESTORE_REASON_LENGTH} characters`);
      if (!HEAD.test(data.backupHead)) {
        throw new InvalidValueError('backupHead', 'isChainHead', 'backupHead must be <position>:<64 lower-case hexadecimal characters>, as npm run verify prints it');
      }
      const takenAt = Date.parse(data.backupTakenAt);
      if (Number.isNaN(takenAt) || takenAt > Date.parse(metadata.now)) {
        throw new InvalidValueError('backupTakenAt', 'isPastInstant', 'backupTakenAt must be an ISO instant no later than now');
      }
      const restoredBy = metadata.actor?.userId;
      if (!restoredBy) throw new InvalidValueError('actor', 'required', 'A restore must be recorded by whoever ran it');
      return [
        {
          type: 'HistoryRestored',
          data: {
            restoreId,
            reason,
            backupHead: data.backupHead,
            backupTakenAt: data.backupTakenAt,
            currentBreak: validBreak(data.currentBreak),
            comparison: validCounts(data.comparison),
            restoredBy,
            restoredAt: metadata.now,
          },
        },
      ];
    }
    default: {
      const unhandled: never = command.type;
      return unhandled;
    }
  }
}
