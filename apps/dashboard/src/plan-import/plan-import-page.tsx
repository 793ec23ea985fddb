import { useState } from 'react';
import { GraphQLRequestError } from '../api/graphql-client';
import { useAsAt } from '../as-at/as-at-context';
import { useSession } from '../session/session-context';
import type { FormError } from '../shared/field-errors';
import { NotificationBanner } from '../shared/notification-banner';
import { ImportFileForm } from './import-file-form';
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
        <ImportFileForm
          headingId="import-form-heading"
          heading="Spreadsheet"
          fileId={FILE_ID}
          fileLabel="CSV or XLSX file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          errors={errors}
          refused={refused}
          refusedTitle="The file was not imported"
          sending={sending}
          importLabel={ready ? `Import ${report.validRows} action${report.validRows === 1 ? '' : 's'}` : null}
          onFile={(chosen) => {
            setFile(chosen);
            setReport(null);
            setSaved(null);
          }}
          onRun={(dryRun) => void run(dryRun)}
        />
      )}
      {report && file && <PlanImportReportView report={report} fileName={file.name} />}
    </>
  );
}
