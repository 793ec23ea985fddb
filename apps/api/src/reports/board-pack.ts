import { financialYearOfDate, londonDateOf, ukDate, ukDateTime, ukPeriod } from '@send/domain';
import { ActionView, isOverdue, isStale, Movement, MovementGroup, PlanView, ScorecardLine, scorecardLine } from '@send/read-models';
import { financeLineInBrief } from '../conditions/condition-finance-lines';
import { ConditionModel } from '../conditions/models/condition.model';
import { HighNeedsPositionModel } from '../finance/models/high-needs.model';
import { MoneyModel } from '../finance/models/money.model';
import { PlanFinanceModel } from '../finance/models/plan-finance.model';
import { ReportBlock, ReportDocument } from './report-document';
import { ReportPeriod } from './report-period';
import { ReportRiskLine } from './report-risks';

/** What a board pack shows, read as it stood at the end of its period. */
export interface BoardPackData {
  period: ReportPeriod;
  movement: Movement;
  end: PlanView;
  risks: ReportRiskLine[];
  finance: HighNeedsPositionModel | null;
  /** Money on actions and priorities as recorded by the end of the period, never live. */
  money: PlanFinanceModel;
  conditions: ConditionModel[];
}

const RAG_WORDS: Record<string, string> = { NOT_YET_RATED: 'Not yet rated', RED: 'Red', AMBER: 'Amber', GREEN: 'Green', BLUE: 'Blue (complete)' };
const DIRECTION_WORDS: Record<string, string> = { UP: 'improved', DOWN: 'worsened', FIRST_RATED: 'first rated' };
const STATUS_WORDS: Record<string, string> = { MET: 'Met', ON_TRACK: 'On track', NOT_ON_TRACK: 'Not on track', NOT_MET: 'Not met' };
const rag = (value: string | null | undefined) => (value ? (RAG_WORDS[value] ?? value) : '');
const heading = (level: 1 | 2 | 3, text: string): ReportBlock => ({ kind: 'heading', level, text });
const paragraph = (text: string): ReportBlock => ({ kind: 'paragraph', text });
/** A table, or a sentence saying there is nothing to tabulate. */
const table = (head: string[], rows: string[][], empty: string): ReportBlock => (rows.length ? { kind: 'table', head, rows } : paragraph(empty));
const ref = (a: Pick<ActionView, 'ref' | 'title'>) => `${a.ref} ${a.title}`;

function overview(data: BoardPackData): ReportBlock[] {
  const t = data.movement.toRollUp;
  const groupRow = (g: MovementGroup) => [`${g.number}. ${g.name}`, String(g.to.total), String(g.to.red), String(g.to.amber), String(g.to.green), String(g.to.blue), String(g.to.notYetRated), `${g.to.percentComplete.toFixed(1)}%`, String(g.to.overdue)];
  return [
    heading(2, '1. Overview'),
    {
      kind: 'facts',
      facts: [
        ['Actions in force', String(t.total)],
        ['RAG', `${t.red} Red, ${t.amber} Amber, ${t.green} Green, ${t.blue} Blue (complete), ${t.notYetRated} not yet rated`],
        ['Complete', `${t.percentComplete.toFixed(1)}%`],
        ['Overdue', String(t.overdue)],
        ['Stale', `${t.stale} (no update for more than ${data.end.staleAfterDays} days)`],
      ],
    },
    heading(3, 'RAG by recovery priority'),
    table(['Priority', 'Actions', 'Red', 'Amber', 'Green', 'Blue', 'Not yet rated', '% complete', 'Overdue'], data.movement.priorities.map(groupRow), 'The plan has no recovery priorities.'),
  ];
}

function moved(data: BoardPackData): ReportBlock[] {
  const c = data.movement.counts;
  return [
    heading(2, `2. What moved since ${data.period.previousLabel}`),
    {
      kind: 'list',
      items: [
        `${c.ragUp} improved, ${c.ragDown} worsened, ${c.firstRated} rated for the first time`,
        `${c.completed} completed, ${c.added} new, ${c.withdrawn} withdrawn or superseded`,
        `${c.becameOverdue} became overdue, ${c.becameStale} became stale`,
        `${c.evidenceAdded} pieces of evidence submitted, ${c.evidenceAccepted} accepted by the board`,
      ],
    },
    table(['Action', 'Was', 'Now', 'Movement'], data.movement.ragChanges.map((ch) => [ref(ch.action), rag(ch.from), rag(ch.to), DIRECTION_WORDS[ch.direction] ?? ch.direction]), 'No RAG changes since then.'),
  ];
}

function exceptions(data: BoardPackData): ReportBlock[] {
  const today = londonDateOf(data.end.asAt);
  const inForce = data.end.actions.filter((a) => a.status !== 'WITHDRAWN' && a.status !== 'SUPERSEDED');
  const latest = (a: ActionView) => (a.latestCommentary ? `${a.latestCommentary} (as at ${ukDate(a.lastAsAt ?? '')})` : 'No update yet');
  const escalated = data.risks.filter((r) => r.escalation.length > 0);
  return [
    heading(2, '3. Exceptions'),
    heading(3, 'Red actions'),
    table(['Action', 'Owner', 'Due', 'Latest commentary'], inForce.filter((a) => a.rag === 'RED').map((a) => [ref(a), a.owner.name, ukDate(a.dueDate), latest(a)]), 'No action is Red.'),
    heading(3, 'Overdue actions'),
    table(['Action', 'RAG', 'Owner', 'Due'], inForce.filter((a) => isOverdue(a, today)).map((a) => [ref(a), rag(a.rag), a.owner.name, ukDate(a.dueDate)]), 'No action is overdue.'),
    heading(3, 'Stale actions'),
    table(['Action', 'RAG', 'Owner', 'Last update'], inForce.filter((a) => isStale(a, today, data.end.staleAfterDays)).map((a) => [ref(a), rag(a.rag), a.owner.name, ukDate(a.lastUpdatedOn)]), 'No action is stale.'),
    heading(3, 'Escalated risks'),
    table(['Risk', 'Owner', 'Score', 'Latest commentary'], escalated.map((r) => [`${r.risk.ref} ${r.risk.title}`, r.risk.ownerName, `${r.risk.currentScore} ${rag(r.risk.currentBand)}`, r.latestCommentary ?? '']), 'No risk is escalated.'),
  ];
}

/** A figure in its metric's unit, as the report prints it: "56%", "380.8 per 10,000". */
function inUnit(unit: string, value: number): string {
  const units: Record<string, (v: number) => string> = {
    PERCENT: (v) => `${v}%`,
    RATE_PER_10000: (v) => `${v} per 10,000`,
    RATE_PER_100: (v) => `${v} per 100`,
    GBP: (v) => `£${v}`,
    GBP_PER_HEAD: (v) => `£${v} per head`,
  };
  return (units[unit] ?? String)(value);
}

function scorecard(end: PlanView): ReportBlock[] {
  const lines: ScorecardLine[] = end.metrics.map((m) => scorecardLine(m.metric, m.measurements, m.targets, m.comparators));
  const figure = (l: ScorecardLine, m: ScorecardLine['latest']) => (m ? `${inUnit(l.metric.unit, m.value)} (${ukPeriod(m.period)})` : '-');
  return [
    heading(2, '4. Scorecard'),
    table(
      ['Metric', 'Latest', 'Previous', 'Target', 'RAG', 'Comparators'],
      lines.map((l) => [
        l.metric.name,
        figure(l, l.latest),
        figure(l, l.previous),
        l.target ? `${inUnit(l.metric.unit, l.target.target)} (${ukPeriod(l.target.period)})` : '-',
        l.rag ? rag(l.rag) : 'No target',
        l.comparators.map((c) => `${c.comparator.charAt(0)}${c.comparator.slice(1).toLowerCase().replace(/_/g, ' ')} ${inUnit(l.metric.unit, c.value)}`).join('; ') || '-',
      ]),
      'No scorecard metrics were recorded by then.',
    ),
  ];
}

function finance(position: HighNeedsPositionModel | null): ReportBlock[] {
  if (!position) return [heading(2, '5. High Needs Block position'), paragraph('No High Needs Block position had been recorded by then.')];
  return [
    heading(2, '5. High Needs Block position'),
    table(
      ['Year', 'DSG allocation', 'Budget', 'Latest forecast', 'In-year deficit', 'Cumulative deficit', 'Trajectory', 'Rating'],
      position.years.map((y) => [
        y.year,
        y.dsgAllocation.millions,
        y.budget.millions,
        y.latest ? `${y.latest.forecastOutturn.millions} (${y.latest.period})` : 'No forecast',
        y.latest?.inYearDeficit.millions ?? '-',
        y.closingCumulativeDeficit?.millions ?? '-',
        y.trajectory?.cumulativeDeficit.millions ?? '-',
        y.latest?.rating ? rag(y.latest.rating) : '-',
      ]),
      'No financial year has been set.',
    ),
  ];
}

/** What is still to find against a target, in words, so a minus sign is never the only sign that it was beaten. */
function shortfall(amount: MoneyModel | null): string {
  if (!amount) return 'No target set';
  const pence = BigInt(amount.pence);
  if (pence === 0n) return 'Target met';
  return pence > 0n ? `${amount.millions} still to find` : `Exceeded by ${amount.millions.replace('-', '')}`;
}

function moneyOnActions(money: PlanFinanceModel, asAt: string): ReportBlock[] {
  const year = financialYearOfDate(londonDateOf(asAt));
  const t = money.totals;
  if (t.actions === 0 && money.priorities.every((p) => p.years.length === 0)) {
    return [heading(2, '6. Money on actions and priorities'), paragraph('No action had funding set by then.')];
  }
  return [
    heading(2, '6. Money on actions and priorities'),
    {
      kind: 'facts',
      facts: [
        ['Funded actions', String(t.actions)],
        ['Planned cost', t.plannedCost.millions],
        ['Expected savings', t.expectedSavings.millions],
        ['Spend to date', t.spendToDate.millions],
        ['Savings evidenced', t.savingsEvidenced.millions],
      ],
    },
    heading(3, `Savings targets for ${year}`),
    table(
      ['Recovery priority', 'Savings target', 'Savings evidenced', 'Shortfall'],
      money.priorities.map((p) => {
        const y = p.years.find((x) => x.year === year);
        return [`${p.number}. ${p.name}`, y?.target?.millions ?? 'None set', y?.savingsEvidenced.millions ?? '£0.000m', shortfall(y?.shortfall ?? null)];
      }),
      'The plan has no recovery priorities.',
    ),
    heading(3, 'Funded actions'),
    table(
      ['Action', 'Funding source', 'Planned cost', 'Spend to date', 'Unspent', 'Savings evidenced'],
      money.actions.map((a) => [
        `${a.ref} ${a.title}`,
        a.fundingSource,
        a.plannedCost.millions,
        a.spend ? `${a.spend.spendToDate.millions} (at ${ukDate(a.spend.asOfDate)})` : 'None recorded',
        a.unspent.millions,
        a.savingsEvidenced.millions,
      ]),
      'No action had funding set by then.',
    ),
  ];
}

/** The actions by reference, then each finance line with its rating: "8.1, 8.2; High Needs Block … trajectory: Amber". */
const linkedOf = (c: ConditionModel): string => [c.actions.map((a) => a.ref).join(', '), ...c.financeLines.map(financeLineInBrief)].filter((part) => part !== '').join('; ') || '-';

function conditions(register: ConditionModel[]): ReportBlock[] {
  return [
    heading(2, '7. Conditions'),
    table(
      ['Condition', 'Source', 'Due', 'Quarter', 'Status', 'Approved', 'Linked actions and finance lines'],
      register.map((c) => {
        const q = c.currentQuarter;
        return [`${c.ref} ${c.text}`, c.sourceParagraph, ukDate(c.dueDate), q?.quarter ?? '-', q ? STATUS_WORDS[q.latest.status] : 'No status yet', q ? (q.awaitingApproval ? 'Awaiting approval' : 'Yes') : '-', linkedOf(c)];
      }),
      'The plan has no conditions in its register.',
    ),
  ];
}

/** The board's papers for one meeting or day: where the plan stands, what moved, what needs the board. */
export function boardPackDocument(data: BoardPackData): ReportDocument {
  const { end, period } = data;
  return {
    title: `Board pack: ${end.localAreaName}, ${period.label}`,
    asAt: period.to,
    blocks: [
      heading(1, 'SEND Improvement Board: board pack'),
      paragraph(`${end.localAreaName} · ${end.title}, version ${end.version} (approved ${ukDate(end.approvedOn)})`),
      {
        kind: 'facts',
        facts: [
          ['For', period.label],
          ['As at', `${ukDateTime(period.to)} (UK time)`],
          ['Movement since', `${period.previousLabel} (${ukDateTime(period.from)})`],
        ],
      },
      ...overview(data),
      ...moved(data),
      ...exceptions(data),
      ...scorecard(end),
      ...finance(data.finance),
      ...moneyOnActions(data.money, period.to),
      ...conditions(data.conditions),
    ],
  };
}
