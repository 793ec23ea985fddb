/** A break found in the history the restore replaces, in the chain verifier's words. */
export interface BreakFoundInCurrent {
  /** EDITED, MISSING, REORDERED, UNCHAINED or HEAD_MISMATCH. */
  kind: string;
  /** The global position of the first break, as a decimal string (positions are 64-bit). */
  position: string;
}

/** What comparing the broken history with the backup found, event by event (see compare-histories.ts in the api). */
export interface HistoryComparisonCounts {
  edited: number;
  deleted: number;
  reordered: number;
  /** Events in the broken history, among the backup's, that the backup never held. */
  inserted: number;
  /** Events the broken history holds after the backup's newest: not in the restored history, to be re-entered after checking. */
  writtenSince: number;
}

/**
 * The operator restored a backup whose history verifies after a break, and records it in the
 * restored history itself, so whoever reads that history later sees where it was cut back and why.
 */
export type RecordHistoryRestore = {
  type: 'RecordHistoryRestore';
  data: {
    restoreId: string;
    reason: string;
    /** The restored history's newest event before this one, as `<position>:<hash>`: what the backup vouches for. */
    backupHead: string;
    /** When the backup was taken, ISO instant. */
    backupTakenAt: string;
    currentBreak: BreakFoundInCurrent | null;
    comparison: HistoryComparisonCounts;
  };
};

export type HistoryRestoreCommand = RecordHistoryRestore;

/** The longest reason kept: a paragraph; the incident report holds the detail. */
export const MAX_RESTORE_REASON_LENGTH = 2000;
