import { FormEvent, useState } from 'react';
import { GraphQLRequestError } from '../api/graphql-client';
import { useAsAt } from '../as-at/as-at-context';
import { useSession } from '../session/session-context';
import { ErrorMessage } from '../shared/error-message';
import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorText } from '../shared/field-error-text';
import type { FormError } from '../shared/field-errors';
import { NotificationBanner } from '../shared/notification-banner';
import { ImportTabs } from './import-tabs';
import { importPlan, PlanImportReport } from './plan-import-client';
import { PlanImportReportView } from './plan-import-report';

const FILE_ID = 'import-file';
const NO_FILE: FormError = { field: 'file', targetId: FILE_ID, message: 'Select the spreadsheet of the plan, a CSV or XLSX file' };

/**
 * The programme office moves its spreadsheet in: a check first, which writes nothing and lists
 * every bad row as the API reports it, then the import of a file that passed, all or nothing.
 * The rules, columns and codes are the API's (docs/plan-import.md); this page only shows them.
 */
export function PlanImportPage() {
  const session = useSession();
  const { asAt } = useAsAt();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<PlanImportReport | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [refused, setRefused] = useState<GraphQLRequestError>();
  const [saved, setSaved] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function run(dryRun: boolean) {
    setSaved(null);
    setRefused(undefined);
    if (!file) {
      setErrors([NO_FILE]);
      return;
    }
    setErrors([]);
    setSending(true);
    try {
      const answer = await importPlan(session.token, session.plan.id, file, { dryRun, importId: dryRun ? undefined : report?.importId });
      setReport(answer);
      if (!dryRun && answer.problems.length === 0) {
        setSaved(`${answer.imported} action${answer.imported === 1 ? '' : 's'} imported into ${session.plan.title} from ${file.name}`);
      }
    } catch (error) {
      if (!(error instanceof GraphQLRequestError)) throw error;
      setReport(null);
      // A file that cannot be read at all is refused against the file box, in the API's words.
      if (error.extensions.field === 'file') setErrors([{ ...NO_FILE, message: error.message }]);
      else setRefused(error);
    } finally {
      setSending(false);
    }
  }

  const fileError = errors.find((e) => e.field === 'file')?.message;
  const ready = report !== null && report.dryRun && report.problems.length === 0 && report.validRows > 0;
  return (
    <>
      <h1>Import actions from a spreadsheet</h1>
      <ImportTabs current="actions" />
      {saved && <NotificationBanner message={saved} />}
      <p>
        One action per row: ref, area, priorities, title, description, owner, organisation, due date, and if you have them the RAG,
        latest commentary and as at date. Check the file first: nothing is written, and every row that cannot be imported is listed
        with its row number and what to fix. Then import it: all its actions, or none.
      </p>
      {asAt !== null ? (
        <p>Importing adds to the plan as it stands now. Go back to the live view to import.</p>
      ) : (
        <form
          noValidate
          aria-labelledby="import-form-heading"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void run(true);
          }}
        >
          <h2 id="import-form-heading">Spreadsheet</h2>
          <ErrorSummary errors={errors} headingLevel={3} />
          <div className={`field${fileError ? ' field-with-error' : ''}`}>
            <label htmlFor={FILE_ID}>CSV or XLSX file</label>
            <FieldErrorText id={`${FILE_ID}-error`} message={fileError} />
            <input
              id={FILE_ID}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? `${FILE_ID}-error` : undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setReport(null);
                setSaved(null);
              }}
            />
          </div>
          {refused && <ErrorMessage error={refused} title="The file was not imported" />}
          <div className="button-group">
            <button type="submit" disabled={sending}>
              {sending ? 'Working…' : 'Check the file'}
            </button>
            {ready && (
              <button type="button" disabled={sending} onClick={() => void run(false)}>
                Import {report.validRows} action{report.validRows === 1 ? '' : 's'}
              </button>
            )}
          </div>
        </form>
      )}
      {report && file && <PlanImportReportView report={report} fileName={file.name} />}
    </>
  );
}
