/** One reason a row cannot be imported. `code` is stable for clients; `message` names the row and says what to fix. */
export interface RowProblem {
  /** The row number the council sees in their spreadsheet. */
  row: number;
  /** What the column means (ref, area, dueDate…), or "row". */
  field: string;
  /** The column as the file names it. */
  column: string | null;
  code: string;
  message: string;
}

export interface PlanImportReport {
  /** Names this import; a re-run with the same id completes it without repeating anything. */
  importId: string;
  planId: string;
  dryRun: boolean;
  format: 'csv' | 'xlsx';
  sheet: string | null;
  headerRow: number;
  /** Data rows read (the header and blank rows not counted). */
  rows: number;
  /** Rows that would import (dry run) or that are now in the plan from this import, rows of dated updates included. */
  validRows: number;
  /** Rows this run added to the plan. */
  imported: number;
  /** Rows an earlier run of this import had already added (nothing appended again). */
  alreadyImported: number;
  /** Progress updates (RAG, commentary, as at) this run recorded, the dated history included. */
  progressRecorded: number;
  /** Headers the import does not use. */
  ignoredColumns: string[];
  /** Every bad row; when there is any, nothing is imported. */
  problems: RowProblem[];
  /** Refs in file order with what happened to each. */
  actions: {
    row: number;
    ref: string;
    actionId: string;
    outcome: 'valid' | 'imported' | 'already imported';
    /** The action's updates, from its own row and rows repeating its ref, in the order recorded (by date). */
    updates: { row: number; asAt: string; rag: string }[];
  }[];
}
