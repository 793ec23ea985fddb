import { refusal, send } from '../api/http-route';

/** One reason a row cannot be imported, as the API's row report gives it (docs/plan-import.md). */
export interface RowProblem {
  row: number;
  field: string;
  column: string | null;
  code: string;
  message: string;
}

export interface PlanImportReport {
  importId: string;
  dryRun: boolean;
  format: 'csv' | 'xlsx';
  sheet: string | null;
  headerRow: number;
  rows: number;
  validRows: number;
  imported: number;
  alreadyImported: number;
  progressRecorded: number;
  ignoredColumns: string[];
  problems: RowProblem[];
  actions: { row: number; ref: string; actionId: string; outcome: 'valid' | 'imported' | 'already imported' }[];
}

/**
 * Sends the spreadsheet to `POST /plans/:planId/import` (multipart, the bearer token): a dry run
 * checks every row and writes nothing; a real import writes all or nothing. A report with bad
 * rows (422) is an answer, not a failure; a file that cannot be read at all is a refusal.
 */
export async function importPlan(token: string, planId: string, file: File, options: { dryRun: boolean; importId?: string }): Promise<PlanImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  const query = new URLSearchParams({ dryRun: String(options.dryRun), ...(options.importId ? { importId: options.importId } : {}) });
  const response = await send(`/plans/${encodeURIComponent(planId)}/import?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (response.ok || response.status === 422) return (await response.json()) as PlanImportReport;
  throw await refusal(response);
}
