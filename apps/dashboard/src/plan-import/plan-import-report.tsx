import { TableScroll } from '../shared/table-scroll';
import type { PlanImportReport } from './plan-import-client';

const OUTCOME_WORDS: Record<PlanImportReport['actions'][number]['outcome'], string> = {
  valid: 'Ready to import',
  imported: 'Imported',
  'already imported': 'Already in the plan from this import',
};

/** The API's row report as it came: every bad row with its reason, else every action with what happens to it. */
export function PlanImportReportView({ report, fileName }: { report: PlanImportReport; fileName: string }) {
  const bad = report.problems.length;
  return (
    <section aria-labelledby="import-report-heading" data-import-report={report.dryRun ? 'dry-run' : 'import'}>
      <h2 id="import-report-heading">{report.dryRun ? 'What the check found' : 'What was imported'}</h2>
      <p>
        {fileName}: {report.rows} row{report.rows === 1 ? '' : 's'} of actions below the header on row {report.headerRow}
        {report.sheet ? ` of the sheet “${report.sheet}”` : ''}.{' '}
        {bad > 0
          ? `${bad} problem${bad === 1 ? '' : 's'} to fix: nothing is imported until every row is right.`
          : report.dryRun
            ? `Every row can be imported.`
            : `${report.imported} added to the plan${report.alreadyImported ? `, ${report.alreadyImported} already there from this import` : ''}.`}
      </p>
      {report.ignoredColumns.length > 0 && <p>Columns not used: {report.ignoredColumns.join(', ')}.</p>}
      {bad > 0 ? (
        <TableScroll captionId="import-problems-caption">
          <table className="import-problems stack-on-phone">
            <caption id="import-problems-caption">Problems, by row of the spreadsheet</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p) => (
                <tr key={`${p.row}:${p.field}:${p.code}`} data-row={p.row} data-code={p.code}>
                  <td data-label="Row">{p.row}</td>
                  <td data-label="Column">{p.column ?? 'the whole row'}</td>
                  <td data-label="Problem">{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <TableScroll captionId="import-actions-caption">
          <table className="import-actions stack-on-phone">
            <caption id="import-actions-caption">Actions, by row of the spreadsheet</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Ref</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {report.actions.map((a) => (
                <tr key={a.row} data-row={a.row} data-outcome={a.outcome}>
                  <td data-label="Row">{a.row}</td>
                  <td data-label="Ref">{a.ref}</td>
                  <td data-label="Outcome">{OUTCOME_WORDS[a.outcome]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
