import { useState } from 'react';
import { GraphQLRequestError } from '../api/graphql-client';
import { useMutation, useQuery } from '../api/use-query';
import { useAsAt } from '../as-at/as-at-context';
import { may } from '../session/permissions';
import { useSession } from '../session/session-context';
import { apiFieldErrors, FormError } from '../shared/field-errors';
import { NotificationBanner } from '../shared/notification-banner';
import { TableScroll } from '../shared/table-scroll';
import { ImportFileForm } from './import-file-form';
import { ImportTabs } from './import-tabs';
import { IMPORT_MEASUREMENTS, ImportMeasurementsAnswer, IMPORTABLE_METRICS_QUERY, MeasurementImportReport } from './measurement-import.query';

const FILE_ID = 'measurements-file';
const NO_FILE: FormError = { field: 'file', targetId: FILE_ID, message: 'Select the CSV file of scorecard figures' };

/** The API names the column at fault; these two are about more than one. */
const FIELD_WORDS: Record<string, string> = { header: 'the header row', csv: 'the whole file', row: 'the whole row' };

/** A fresh id for one import, so a retried request imports nothing twice (crypto.randomUUID needs a secure page). */
function importId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const figures = (n: number) => `${n} figure${n === 1 ? '' : 's'}`;

/**
 * The programme office brings in a month's scorecard figures from a spreadsheet export: a check
 * first, which writes nothing and lists every bad row as the API reports it (its row in the file,
 * the column, what is wrong), then the import of a file that passed, all or nothing. The rules
 * are those of a single recordMeasurement (docs/graphql-guide.md); this page only shows them.
 */
export function MeasurementImportPage() {
  const { me, plan } = useSession();
  const { asAt } = useAsAt();
  const allowed = may(me, 'RecordMeasurement', plan.localArea.id);
  const send = useMutation<ImportMeasurementsAnswer>(IMPORT_MEASUREMENTS);
  const metrics = useQuery<{ scorecard: { id: string; name: string }[] }>(IMPORTABLE_METRICS_QUERY, { planId: plan.id }, !allowed);
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<{ report: MeasurementImportReport; csv: string; commandId: string } | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [refused, setRefused] = useState<GraphQLRequestError>();
  const [saved, setSaved] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function run(dryRun: boolean) {
    setSaved(null);
    setRefused(undefined);
    if (!file) return setErrors([NO_FILE]);
    setErrors([]);
    setSending(true);
    try {
      // The import sends the very text that was checked, under the id it was checked with.
      const csv = dryRun || !checked ? await file.text() : checked.csv;
      const commandId = dryRun || !checked ? importId() : checked.commandId;
      const { importMeasurements: report } = await send({ input: { planId: plan.id, csv, dryRun, commandId } });
      setChecked({ report, csv, commandId });
      if (!dryRun && report.errors.length === 0) setSaved(`${figures(report.imported)} imported into the scorecard of ${plan.title} from ${file.name}`);
    } catch (error) {
      if (!(error instanceof GraphQLRequestError)) throw error;
      setChecked(null);
      // A file too large or too long to check is refused against the file box, in the API's words.
      const aboutFile = apiFieldErrors(error).find((e) => e.field === 'csv');
      if (aboutFile) setErrors([{ ...NO_FILE, message: aboutFile.message }]);
      else setRefused(error);
    } finally {
      setSending(false);
    }
  }

  const report = checked?.report;
  const ready = report !== undefined && report.dryRun && report.errors.length === 0 && report.rows > 0;
  return (
    <>
      <h1>Import scorecard figures from a CSV file</h1>
      <ImportTabs current="measurements" />
      {saved && <NotificationBanner message={saved} />}
      {!allowed ? (
        <p data-import-refused>Only the programme office (a plan administrator of this area) may import scorecard figures. You can read them on the Scorecard.</p>
      ) : (
        <>
          <p>
            One figure per row, under a header row naming the columns <code>metric</code> (the metric’s name as the scorecard shows it),{' '}
            <code>period</code>, <code>value</code>, <code>as_at</code> (YYYY-MM-DD), <code>source</code> and <code>provisional</code> (yes or
            no). Check the file first: nothing is written, and every row that cannot be imported is listed with its row number, its column and
            what is wrong. Then import it: every figure, or none.
          </p>
          {metrics.data && metrics.data.scorecard.length > 0 && (
            <details className="importable-metrics">
              <summary>The metrics on this plan’s scorecard ({metrics.data.scorecard.length})</summary>
              <ul>
                {metrics.data.scorecard.map((m) => (
                  <li key={m.id}>{m.name}</li>
                ))}
              </ul>
            </details>
          )}
          {asAt !== null ? (
            <p>Importing adds to the scorecard as it stands now. Go back to the live view to import.</p>
          ) : (
            <ImportFileForm
              headingId="measurements-form-heading"
              heading="CSV file"
              fileId={FILE_ID}
              fileLabel="CSV file of figures"
              accept=".csv,text/csv"
              errors={errors}
              refused={refused}
              refusedTitle="The figures were not imported"
              sending={sending}
              importLabel={ready ? `Import ${figures(report.rows)}` : null}
              onFile={(chosen) => {
                setFile(chosen);
                setChecked(null);
                setSaved(null);
              }}
              onRun={(dryRun) => void run(dryRun)}
            />
          )}
          {report && file && <MeasurementImportReportView report={report} fileName={file.name} />}
        </>
      )}
    </>
  );
}

/** The API's answer as it came: every bad row with its column and reason, else how many figures. */
function MeasurementImportReportView({ report, fileName }: { report: MeasurementImportReport; fileName: string }) {
  const bad = report.errors.length;
  return (
    <section aria-labelledby="measurements-report-heading" data-import-report={report.dryRun ? 'dry-run' : 'import'}>
      <h2 id="measurements-report-heading">{report.dryRun ? 'What the check found' : 'What was imported'}</h2>
      <p data-import-summary>
        {fileName}: {report.rows} row{report.rows === 1 ? '' : 's'} of figures below the header.{' '}
        {bad > 0
          ? `${bad} problem${bad === 1 ? '' : 's'} to fix: nothing is imported until every row is right.`
          : report.rows === 0
            ? 'There is nothing to import.'
            : report.dryRun
              ? `Every row can be imported: ${figures(report.rows)}.`
              : `${figures(report.imported)} added to the scorecard.`}
      </p>
      {bad > 0 && (
        <TableScroll captionId="measurement-problems-caption">
          <table className="measurement-problems stack-on-phone">
            <caption id="measurement-problems-caption">Problems, by row of the file (the header is row 1)</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((e) => (
                <tr key={`${e.row}:${e.field}:${e.message}`} data-row={e.row} data-field={e.field}>
                  <td data-label="Row">{e.row}</td>
                  <td data-label="Column">{FIELD_WORDS[e.field] ?? e.field}</td>
                  <td data-label="Problem">{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
