import { refusal, send } from '../api/http-route';
// The report is the API's own type (plain data, erased from the bundle), so the two cannot drift apart.
import type { PlanImportReport } from '../../../api/src/plan-import/plan-import-report';

export type { PlanImportReport };

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
