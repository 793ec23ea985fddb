import { formatPounds, Pence } from '@send/domain';
import { ReportReturn } from './report-return';
import { cell } from './report-csv.renderer';

const COLUMNS = ['section', 'ref', 'label', 'period', 'status', 'approved', 'amount_gbp', 'text', 'recorded_at', 'recorded_by'] as const;

type Row = Partial<Record<(typeof COLUMNS)[number], string | number | null>>;

/** Pounds to the penny from whole pence, no separators, so a spreadsheet reads a number and nothing is rounded. */
const pounds = (pence: Pence | null | undefined) => (pence === null || pence === undefined ? null : formatPounds(pence));

function financeRows(r: ReportReturn): Row[] {
  const f = r.finance;
  if (!f) return [];
  const line = (ref: string, label: string, amount: Pence | null, more: Row = {}): Row => ({ section: 'finance', ref, label, period: f.year, amount_gbp: pounds(amount), ...more });
  const rows = [
    line('dsg_allocation', 'DSG allocation', f.dsgAllocation),
    line('budget', 'High Needs budget', f.budget),
    line('budgeted_deficit', 'Budgeted in-year deficit', f.budgetedDeficit),
    line('opening_cumulative_deficit', 'Cumulative deficit brought forward', f.openingCumulativeDeficit),
    line('trajectory_cumulative_deficit', 'Recovery trajectory: cumulative deficit at 31 March', f.trajectory?.cumulativeDeficit ?? null),
    line('trajectory_amber_tolerance', 'Recovery trajectory: Amber up to this much above it', f.trajectory?.amberTolerance ?? null),
  ];
  const forecast = f.forecast;
  if (forecast) {
    const rated = { period: forecast.period, status: forecast.rating };
    rows.push(
      line('forecast_outturn', 'Forecast outturn', forecast.forecastOutturn, { ...rated, text: forecast.commentary }),
      line('in_year_deficit', 'Forecast in-year deficit', forecast.inYearDeficit, { period: forecast.period }),
      line('variance_against_budget', 'Forecast variance against budget', forecast.varianceAgainstBudget, { period: forecast.period }),
      line('cumulative_deficit', 'Forecast cumulative deficit, rated against the trajectory', forecast.cumulativeDeficit, rated),
    );
  }
  if (f.previous) {
    rows.push(
      line('previous_forecast_outturn', 'Previous quarter’s forecast outturn', f.previous.forecastOutturn, { period: f.previous.period }),
      line('movement_since_previous', 'Movement in the forecast outturn since then', f.previous.movement, { period: forecast?.period ?? null }),
    );
  }
  return rows;
}

/**
 * The DfE quarterly return as CSV, one fact a row in a few fixed columns: its status, submission
 * and sign-off (with the signed hashes), the executive summary, the High Needs Block lines, each
 * condition's status for the quarter and the corrections since sign-off. It is read from the same
 * report as the page, so the same period gives the same bytes, frozen at the sign-off as the page is.
 * Money is pounds to the penny; dates and instants stay ISO for spreadsheets, as in the actions CSV.
 */
export function renderReturnCsv(r: ReportReturn): string {
  const status = r.signOff ? 'SIGNED_OFF' : r.status;
  const rows: Row[] = [{ section: 'return', ref: 'status', label: 'Return status', period: r.quarter, status }];
  if (r.submitted) rows.push({ section: 'return', ref: 'submitted', label: 'Submitted for sign-off by the programme office', period: r.quarter, recorded_at: r.submitted.at, recorded_by: r.submitted.by });
  if (r.signOff) {
    const signed = { section: 'return', period: r.quarter, recorded_at: r.signOff.signedOffAt, recorded_by: r.signOff.signedOffBy };
    rows.push(
      { ...signed, ref: 'signed_off', label: 'Signed off by the board chair' },
      { ...signed, ref: 'signed_html_sha256', label: 'SHA-256 of the report page as signed', text: r.signOff.htmlSha256 },
      { ...signed, ref: 'signed_csv_sha256', label: 'SHA-256 of the report’s actions CSV as signed', text: r.signOff.csvSha256 },
    );
  }
  if (r.summary) rows.push({ section: 'executive_summary', ref: `version ${r.summary.version}`, label: 'Executive summary', period: r.quarter, text: r.summary.text, recorded_at: r.summary.writtenAt, recorded_by: r.summary.writtenBy });
  rows.push(...financeRows(r));
  for (const c of r.conditions) {
    rows.push({
      section: 'condition',
      ref: c.ref,
      label: `${c.text} (${c.sourceParagraph}; due ${c.dueDate})`,
      period: r.quarter,
      status: c.status,
      approved: c.status === null ? null : c.approved ? 'yes' : 'no',
      text: c.commentary,
    });
  }
  for (const c of r.corrections) rows.push({ section: 'correction', ref: c.position, label: c.subject, period: r.quarter, text: c.detail, recorded_at: c.recordedAt, recorded_by: c.recordedBy });
  return [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((column) => csvCell(row[column] ?? null)).join(','))].join('\r\n') + '\r\n';
}

/** A signed amount is a number, not a formula: only typed text gets the apostrophe that stops a spreadsheet running it. */
function csvCell(value: string | number | null): string {
  return typeof value === 'string' && /^-?\d+\.\d{2}$/.test(value) ? value : cell(value);
}
