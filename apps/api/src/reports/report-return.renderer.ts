import { formatMillions, Pence } from '@send/domain';
import { date, dateTime, escape, table } from './report-html-parts';
import { ReportFinance, ReportReturn } from './report-return';

const STATUS_WORDS: Record<string, string> = { MET: 'Met', ON_TRACK: 'On track', NOT_ON_TRACK: 'Not on track', NOT_MET: 'Not met' };
const RATING_WORDS: Record<string, string> = { GREEN: 'Green', AMBER: 'Amber', RED: 'Red' };
const who = (name: string | null) => (name ? ` by ${escape(name)}` : '');

/** The return's state in the page's header, and how far into the store its parts were read. */
export function returnHeaderLine(r: ReportReturn): string {
  const state =
    r.status === 'NOT_STARTED'
      ? 'nothing written yet'
      : r.status === 'DRAFT'
        ? `draft (executive summary version ${r.summary!.version}), not yet submitted`
        : r.status === 'SUBMITTED'
          ? `submitted for sign-off${who(r.submitted!.by)} on ${dateTime(r.submitted!.at)}`
          : 'signed off';
  const source = r.recordedUpTo === null ? 'nothing has been recorded about it' : `its summary, finance and conditions as recorded up to store position ${escape(r.recordedUpTo)}`;
  return `<dt>Quarterly return</dt><dd>${escape(r.quarter)}: ${state}; ${source}</dd>`;
}

/** The programme office's narrative, paragraph by paragraph as typed. */
export function executiveSummarySection(r: ReportReturn): string {
  if (!r.summary) return `<h2>Executive summary</h2>\n<p class="none">No executive summary has been written for ${escape(r.quarter)}.</p>`;
  const paragraphs = r.summary.text
    .split(/\n\s*\n/)
    .map((p) => `<p>${escape(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return `<h2>Executive summary</h2>
${paragraphs}
<p class="trace">${escape(r.quarter)}, version ${r.summary.version}, written${who(r.summary.writtenBy)} on ${dateTime(r.summary.writtenAt)}.</p>`;
}

const m = (pence: Pence | null) => (pence === null ? '—' : escape(formatMillions(pence)));
const rating = (value: string | null) => (value ? `<span class="rag rag-${value.toLowerCase()}">${escape(RATING_WORDS[value])}</span>` : 'Not rated (no trajectory or opening figure)');

function movement(f: ReportFinance): string {
  if (!f.forecast) return '—';
  if (!f.previous) return `First forecast of ${escape(f.year)}`;
  const { movement: change, period, forecastOutturn } = f.previous;
  const direction = change === 0 ? '► no change' : change > 0 ? `▲ up ${m(change)}` : `▼ down ${m(-change)}`;
  return `${direction} from ${m(forecastOutturn)} (${escape(period)})`;
}

/** The High Needs Block position for the quarter's year; deficits derived from the figures, as on the position itself. */
export function financeSection(r: ReportReturn): string {
  const f = r.finance;
  const year = r.financialYear;
  const heading = `<h2>12. High Needs Block position, ${escape(year)}</h2>`;
  if (!f) return `${heading}\n<p class="none">No High Needs Block figures have been recorded for ${escape(year)}.</p>`;
  const forecast = f.forecast;
  const rows: string[][] = [
    ['DSG High Needs Block allocation', m(f.dsgAllocation)],
    ['Budget', m(f.budget)],
    ['Budgeted in-year deficit', m(f.budgetedDeficit)],
    ['Cumulative deficit brought forward at 1 April', m(f.openingCumulativeDeficit)],
    [`Latest forecast outturn${forecast ? ` (${escape(forecast.period)})` : ''}`, forecast ? `${m(forecast.forecastOutturn)}: ${escape(forecast.commentary)}` : 'No forecast recorded yet'],
    ['Forecast in-year deficit', m(forecast?.inYearDeficit ?? null)],
    ['Forecast against budget', m(forecast?.varianceAgainstBudget ?? null)],
    ['Forecast cumulative deficit at 31 March', m(forecast?.cumulativeDeficit ?? null)],
    ['Recovery plan trajectory at 31 March', f.trajectory ? `${m(f.trajectory.cumulativeDeficit)} (Amber up to ${m(f.trajectory.amberTolerance)} above)` : 'No trajectory set'],
    ['Rating against the trajectory', forecast ? rating(forecast.rating) : '—'],
    ["Movement since the previous quarter's forecast", movement(f)],
  ];
  return `${heading}
<p>Amounts in £m to three places. A forecast above the trajectory is never Green.</p>
${table(['Figure', 'Amount'], rows, '')}`;
}

/** Each condition with its status for the quarter, as the DfE return reports it. */
export function conditionsSection(r: ReportReturn): string {
  return `<h2>13. Conditions of the statutory direction</h2>
${table(
  ['Condition', 'Source', 'Due', `Status for ${r.quarter}`, 'Approved by the board', 'Commentary'],
  r.conditions.map((c) => [
    `${escape(c.ref)} ${escape(c.text)}`,
    escape(c.sourceParagraph),
    date(c.dueDate),
    c.status ? `${escape(STATUS_WORDS[c.status])} <small>(version ${c.version})</small>` : '<em>Not yet recorded</em>',
    c.status ? (c.approved ? 'Yes' : 'Not yet') : '—',
    escape(c.commentary),
  ]),
  'The plan has no conditions in its register.',
)}`;
}

