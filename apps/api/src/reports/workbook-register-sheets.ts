import { Workbook } from 'exceljs';
import { deriveHighNeedsPosition, ukPeriod } from '@send/domain';
import { HighNeedsView, MetricView, PlanView, RiskRegisterView } from '@send/read-models';
import { financeLineInBrief } from '../conditions/condition-finance-lines';
import { ConditionModel } from '../conditions/models/condition.model';
import { excelDate, excelDateTime, fillSheet, phrase, pounds, SheetCell, SheetColumn } from './workbook-cells';

/** One row per metric and period: the figure in force, the target, each comparator. */
export function scorecardSheet(book: Workbook, metrics: MetricView[]): void {
  const comparators = [...new Set(metrics.flatMap((m) => m.comparators.map((c) => c.comparator as string)))].sort();
  const columns: SheetColumn[] = [
    { header: 'Metric', width: 40 },
    { header: 'Definition', width: 50 },
    { header: 'Unit', width: 14 },
    { header: 'Better when', width: 10 },
    { header: 'Source', width: 24 },
    { header: 'Period', width: 16 },
    { header: 'Value', width: 10, format: 'number' },
    { header: 'Provisional', width: 10 },
    { header: 'Target', width: 10, format: 'number' },
    { header: 'Amber tolerance', width: 10, format: 'number' },
    ...comparators.map((c): SheetColumn => ({ header: phrase(c)!, width: 12, format: 'number' })),
  ];
  const rows = metrics.flatMap(({ metric, measurements, targets, comparators: values }) => {
    const inForce = measurements.filter((m) => m.supersededByMeasurementId === null);
    const periods = new Map<string, string>();
    for (const p of [...inForce, ...targets, ...values]) periods.set(p.periodKey, p.period);
    return [...periods]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, period]): SheetCell[] => {
        const measured = inForce.find((m) => m.periodKey === key);
        const target = targets.find((t) => t.periodKey === key);
        return [
          metric.name,
          metric.description,
          phrase(metric.unit),
          metric.polarity === 'HIGHER_IS_BETTER' ? 'Higher' : 'Lower',
          measured?.source ?? metric.source,
          ukPeriod(period),
          measured?.value ?? null,
          measured ? (measured.provisional ? 'Yes' : 'No') : null,
          target?.target ?? null,
          target?.amberTolerance ?? null,
          ...comparators.map((c) => values.find((v) => v.periodKey === key && v.comparator === c)?.value ?? null),
        ];
      });
  });
  fillSheet(book.addWorksheet('Scorecard'), columns, rows);
}

export const FINANCE_COLUMNS: SheetColumn[] = [
  { header: 'Financial year', width: 10 },
  { header: 'Period', width: 12 },
  { header: 'DSG allocation (£)', width: 18, format: 'pounds' },
  { header: 'Budget (£)', width: 18, format: 'pounds' },
  { header: 'Budgeted deficit (£)', width: 18, format: 'pounds' },
  { header: 'Forecast outturn (£)', width: 18, format: 'pounds' },
  { header: 'In-year deficit (£)', width: 18, format: 'pounds' },
  { header: 'Variance against budget (£)', width: 18, format: 'pounds' },
  { header: 'Opening cumulative deficit (£)', width: 18, format: 'pounds' },
  { header: 'Cumulative deficit (£)', width: 18, format: 'pounds' },
  { header: 'Trajectory (£)', width: 18, format: 'pounds' },
  { header: 'Amber tolerance (£)', width: 18, format: 'pounds' },
  { header: 'Rating', width: 8 },
  { header: 'Commentary', width: 60 },
  { header: 'Forecast revision', width: 9 },
];

/** Per year: the year's row (its latest forecast, its closing position), then each quarter's forecast. */
export function financeRows(finance: HighNeedsView | undefined): SheetCell[][] {
  if (!finance) return [];
  return deriveHighNeedsPosition(finance.facts).flatMap((y) => {
    const t = y.trajectory;
    const year: SheetCell[] = [
      y.year,
      'Year',
      pounds(y.dsgAllocation),
      pounds(y.budget),
      pounds(y.budgetedDeficit),
      pounds(y.latest?.forecastOutturn),
      pounds(y.latest?.inYearDeficit),
      pounds(y.latest?.varianceAgainstBudget),
      pounds(y.openingCumulativeDeficit),
      pounds(y.closingCumulativeDeficit),
      pounds(t?.cumulativeDeficit),
      pounds(t?.amberTolerance),
      phrase(y.latest?.rating),
      y.latest ? `Latest forecast: ${y.latest.period}` : 'No forecast yet',
      null,
    ];
    const quarters = y.forecasts.map((f): SheetCell[] => [
      y.year,
      f.period,
      null,
      null,
      null,
      pounds(f.forecastOutturn),
      pounds(f.inYearDeficit),
      pounds(f.varianceAgainstBudget),
      null,
      pounds(f.cumulativeDeficit),
      pounds(t?.cumulativeDeficit),
      pounds(t?.amberTolerance),
      phrase(f.rating),
      f.commentary,
      f.revision,
    ]);
    return [year, ...quarters];
  });
}

export const FORECAST_HISTORY_COLUMNS: SheetColumn[] = [
  { header: 'Period', width: 12 },
  { header: 'Revision', width: 9 },
  { header: 'Forecast outturn (£)', width: 18, format: 'pounds' },
  { header: 'Commentary', width: 70 },
  { header: 'Recorded (UK time)', width: 17, format: 'dateTime' },
  { header: 'Recorded by', width: 24 },
];

export const CONDITION_COLUMNS: SheetColumn[] = [
  { header: 'Ref', width: 6 },
  { header: 'Condition', width: 60 },
  { header: 'Source paragraph', width: 14 },
  { header: 'Measure of success', width: 40 },
  { header: 'Due date', width: 12, format: 'date' },
  { header: 'Quarter', width: 12 },
  { header: 'Status', width: 14 },
  { header: 'Commentary', width: 60 },
  { header: 'Recorded (UK time)', width: 17, format: 'dateTime' },
  { header: 'Recorded by', width: 24 },
  { header: 'Approved by the board', width: 10 },
  { header: 'Approved (UK time)', width: 17, format: 'dateTime' },
  { header: 'Approved by', width: 24 },
  { header: 'Linked actions', width: 20 },
  { header: 'Linked metrics', width: 30 },
  { header: 'Linked finance lines', width: 50 },
];

/** Each condition's latest status in each quarter, oldest quarter first; a condition with none yet has one row. */
export function conditionRows(conditions: ConditionModel[]): SheetCell[][] {
  return conditions.flatMap((c) => {
    const head: SheetCell[] = [c.ref, c.text, c.sourceParagraph, c.measureOfSuccess, excelDate(c.dueDate)];
    const links: SheetCell[] = [c.actions.map((a) => a.ref).join(', '), c.metrics.map((m) => m.name).join('; '), c.financeLines.map(financeLineInBrief).join('; ')];
    if (c.quarters.length === 0) return [[...head, null, 'No status yet', null, null, null, null, null, null, ...links]];
    return c.quarters.map(({ quarter, latest: s }) => [
      ...head,
      quarter,
      phrase(s.status),
      s.commentary,
      excelDateTime(s.recordedAt),
      s.recordedBy,
      s.approved ? 'Yes' : 'No',
      excelDateTime(s.approvedAt),
      s.approvedBy,
      ...links,
    ]);
  });
}

export const RISK_COLUMNS: SheetColumn[] = [
  { header: 'Ref', width: 6 },
  { header: 'Risk', width: 40 },
  { header: 'Cause', width: 30 },
  { header: 'Consequence', width: 30 },
  { header: 'Owner', width: 24 },
  { header: 'Inherent score', width: 9 },
  { header: 'Likelihood', width: 9 },
  { header: 'Impact', width: 9 },
  { header: 'Score', width: 9 },
  { header: 'Band', width: 8 },
  { header: 'Scored as at', width: 12, format: 'date' },
  { header: 'Target score', width: 9 },
  { header: 'Target by', width: 12, format: 'date' },
  { header: 'Review date', width: 12, format: 'date' },
  { header: 'Status', width: 14 },
  { header: 'Outcome', width: 40 },
  { header: 'Linked actions', width: 20 },
];

export function riskRows(register: RiskRegisterView, plan: PlanView): SheetCell[][] {
  const refOf = new Map(plan.actions.map((a) => [a.actionId, a.ref]));
  return register.risks.map((r) => [
    r.ref,
    r.title,
    r.cause,
    r.consequence,
    r.ownerName,
    r.inherentScore,
    r.currentLikelihood,
    r.currentImpact,
    r.currentScore,
    phrase(r.currentBand),
    excelDate(r.currentAsAt),
    r.targetScore,
    excelDate(r.targetByDate),
    excelDate(r.reviewDate),
    phrase(r.status),
    r.outcome,
    r.actionIds.map((id) => refOf.get(id) ?? id).join(', '),
  ]);
}
