import { TableScroll } from '../shared/table-scroll';
import type { PlanImportReport } from './plan-import-client';

const OUTCOME_WORDS: Record<PlanImportReport['actions'][number]['outcome'], string> = {
  valid: 'Ready to import',
  imported: 'Imported',
  'already imported': 'Already in the plan from this import',
};

interface ReportRow {
  key: string;
  /** data-* attributes, for tests and styling. */
  data: Record<string, string | number>;
  cells: string[];
}

/** One of the report's tables: a caption, worded column heads, and on a phone a card per row. */
function ReportTable({ name, caption, heads, rows }: { name: string; caption: string; heads: string[]; rows: ReportRow[] }) {
  return (
    <TableScroll captionId={`${name}-caption`}>
      <table className={`${name} stack-on-phone`}>
        <caption id={`${name}-caption`}>{caption}</caption>
        <thead>
          <tr>
            {heads.map((head) => (
              <th scope="col" key={head}>
                {head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} {...row.data}>
              {row.cells.map((cell, i) => (
                <td key={heads[i]} data-label={heads[i]}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

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
        <ReportTable
          name="import-problems"
          caption="Problems, by row of the spreadsheet"
          heads={['Row', 'Column', 'Problem']}
          rows={report.problems.map((p) => ({
            key: `${p.row}:${p.field}:${p.code}`,
            data: { 'data-row': p.row, 'data-code': p.code },
            cells: [String(p.row), p.column ?? 'the whole row', p.message],
          }))}
        />
      ) : (
        <ReportTable
          name="import-actions"
          caption="Actions, by row of the spreadsheet"
          heads={['Row', 'Ref', 'Outcome']}
          rows={report.actions.map((a) => ({ key: String(a.row), data: { 'data-row': a.row, 'data-outcome': a.outcome }, cells: [String(a.row), a.ref, OUTCOME_WORDS[a.outcome]] }))}
        />
      )}
    </section>
  );
}
