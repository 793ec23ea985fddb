import { BreakFoundInCurrent, HistoryComparisonCounts } from './history-restore.commands';

/** `restoredBy` is the user id of whoever ran the restore (the operator); the event's actor carries the rest. */
export type HistoryRestored = {
  type: 'HistoryRestored';
  data: {
    restoreId: string;
    reason: string;
    backupHead: string;
    backupTakenAt: string;
    currentBreak: BreakFoundInCurrent | null;
    comparison: HistoryComparisonCounts;
    restoredBy: string;
    restoredAt: string;
  };
};

export type HistoryRestoreEvent = HistoryRestored;

/** Current schema version of each history-restore event; bump with an upcaster, never edit in place. */
export const HISTORY_RESTORE_EVENT_VERSIONS: Record<HistoryRestoreEvent['type'], number> = {
  HistoryRestored: 1,
};
