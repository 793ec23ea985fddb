import { Workbook } from 'exceljs';
import { deriveHighNeedsPosition, ukDateTime, ukPeriod } from '@send/domain';
import { HighNeedsView, MetricView, PlanView, RiskRegisterView } from '@send/read-models';
import { ConditionModel } from '../conditions/models/condition.model';
import { excelDate, excelDateTime, fillSheet, phrase, pounds, SheetCell, SheetColumn } from './workbook-cells';

/** Everything the workbook shows, as it stood at one instant. */
export interface PlanWorkbookData {
  plan: PlanView;
  /** The instant the workbook shows: the newest event it rests on. */
  knownAt: string;
  /** The newest store position behind it, so an auditor can trace it. */
  lastPosition: string;
  /** Who asked for it: "Name, role". */
  producedBy: string;
  risks: RiskRegisterView;
  finance: HighNeedsView | undefined;
  conditions: ConditionModel[];
}

const RAG_WORDS: Record<string, string> = { NOT_YET_RATED: 'Not yet rated', RED: 'Red', AMBER: 'Amber', GREEN: 'Green', BLUE: 'Blue (complete)' };
const rag = (value: string | null | undefined) => (value ? (RAG_WORDS[value] ?? value) : null);

function titleSheet(book: Workbook, data: PlanWorkbookData, sheets: string[]): void {
  const { plan } = data;
  const sheet = book.addWorksheet('About', { views: [{ showGridLines: false }] });
  sheet.columns = [{ width: 24 }, { width: 90 }];
  sheet.addRow(['SEND and AP Improvement Plan: the whole plan']).font = { bold: true, size: 14 };
  sheet.addRow([]);
  const facts: [string, SheetCell][] = [
    ['Plan', `${plan.title}, version ${plan.version}`],
    ['Local area', plan.localAreaName],
    ['Approved', excelDate(plan.approvedOn)],
    ['As known at', `${ukDateTime(data.knownAt)} (UK time): every event recorded by then, and nothing after`],
    ['Built from', `the plan's event history up to store position ${data.lastPosition}`],
    ['Produced by', data.producedBy],
    ['Money', 'Pounds to the penny, as numbers (the tracker keeps whole pence)'],
    ['Dates', 'Real dates, shown day/month/year; times are UK time'],
    ['Sheets', sheets.join(', ')],
  ];
  for (const [label, value] of facts) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (value instanceof Date) row.getCell(2).numFmt = 'dd/mm/yyyy';
    row.getCell(2).alignment = { horizontal: 'left', wrapText: true };
  }
}

const ACTION_COLUMNS: SheetColumn[] = [
  { header: 'Ref', width: 8 },
  { header: 'Title', width: 50 },
  { header: 'Area', width: 6 },
  { header: 'Area name', width: 30 },
  { header: 'Recovery priorities', width: 12 },
  { header: 'Owner', width: 24 },
  { header: 'Owner role', width: 30 },
  { header: 'Owner organisation', width: 22 },
  { header: 'Lead organisation', width: 22 },
  { header: 'Due date', width: 12, format: 'date' },
  { header: 'Original due date', width: 12, format: 'date' },
  { header: 'Status', width: 12 },
  { header: 'RAG', width: 14 },
  { header: 'Last update as at', width: 12, format: 'date' },
  { header: 'Delivery confidence', width: 12 },
  { header: 'Confidence as at', width: 12, format: 'date' },
  { header: 'Completed on', width: 12, format: 'date' },
  { header: 'Action id', width: 38 },
  { header: 'Revision', width: 9 },
];

function actionRows(plan: PlanView): SheetCell[][] {
  const areaName = new Map(plan.areas.map((a) => [a.number, a.name]));
  return plan.actions.map((a) => [
    a.ref,
    a.title,
    a.areaNumber,
    areaName.get(a.areaNumber) ?? null,
    a.priorityNumbers.join(', '),
    a.owner.name,
    a.owner.role,
    a.owner.organisation,
    a.leadOrganisation,
    excelDate(a.dueDate),
    excelDate(a.originalDueDate),
    phrase(a.status),
    rag(a.rag),
    excelDate(a.lastAsAt),
    phrase(a.deliveryConfidence),
    excelDate(a.confidenceHistory.at(-1)?.asAt ?? null),
    excelDate(a.completedOn),
    a.actionId,
    a.revision,
  ]);
}

const UPDATE_COLUMNS: SheetColumn[] = [
  { header: 'Ref', width: 8 },
  { header: 'Action', width: 40 },
  { header: 'As at', width: 12, format: 'date' },
  { header: 'Kind', width: 12 },
  { header: 'RAG', width: 14 },
  { header: 'Commentary', width: 70 },
  { header: 'By', width: 24 },
  { header: 'Role', width: 20 },
  { header: 'Recorded (UK time)', width: 17, format: 'dateTime' },
  { header: 'Corrects the update at revision', width: 12 },
  { header: 'Revision', width: 9 },
];

/** Every progress update and correction, from each action's history, oldest first within the action. */
function updateRows(plan: PlanView): SheetCell[][] {
  return plan.actions.flatMap((a) =>
    a.timeline
      .filter((t) => t.eventType === 'ProgressReported' || t.eventType === 'ProgressCorrected')
      .map((t) => {
        const to = (field: string) => t.changes.find((c) => c.field === field)?.to ?? null;
        return [
          a.ref,
          a.title,
          excelDate(to('asAt')),
          t.eventType === 'ProgressCorrected' ? 'Correction' : 'Update',
          rag(to('rag')),
          to('commentary'),
          t.actorName,
          phrase(t.actorRole),
          excelDateTime(t.occurredAt),
          t.supersedesRevision,
          t.revision,
        ];
      }),
  );
}

const EVIDENCE_COLUMNS: SheetColumn[] = [
  { header: 'Ref', width: 8 },
  { header: 'Action', width: 40 },
  { header: 'Evidence', width: 50 },
  { header: 'Kind', width: 10 },
  { header: 'Link or document reference', width: 40 },
  { header: 'File', width: 30 },
  { header: 'Submitted by', width: 24 },
  { header: 'Submitted (UK time)', width: 17, format: 'dateTime' },
  { header: 'Status', width: 12 },
  { header: 'Reviewed (UK time)', width: 17, format: 'dateTime' },
  { header: 'Reviewed by', width: 24 },
  { header: 'Reason for rejection', width: 40 },
];

function evidenceRows(plan: PlanView): SheetCell[][] {
  return plan.actions.flatMap((a) =>
    a.evidence.map((e) => [
      a.ref,
      a.title,
      e.title,
      phrase(e.kind),
      e.link ?? e.documentReference,
      e.file?.originalName ?? null,
      e.submittedBy,
      excelDateTime(e.submittedAt),
      phrase(e.status),
      excelDateTime(e.reviewedAt),
      e.reviewedBy,
      e.rejectionReason,
    ]),
  );
}

/** One row per metric and period: the figure in force, the target, each comparator. */
function scorecardSheet(book: Workbook, metrics: MetricView[]): void {
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

const FINANCE_COLUMNS: SheetColumn[] = [
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
function financeRows(finance: HighNeedsView | undefined): SheetCell[][] {
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

const FORECAST_HISTORY_COLUMNS: SheetColumn[] = [
  { header: 'Period', width: 12 },
  { header: 'Revision', width: 9 },
  { header: 'Forecast outturn (£)', width: 18, format: 'pounds' },
  { header: 'Commentary', width: 70 },
  { header: 'Recorded (UK time)', width: 17, format: 'dateTime' },
  { header: 'Recorded by', width: 24 },
];

const CONDITION_COLUMNS: SheetColumn[] = [
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
];

/** Each condition's latest status in each quarter, oldest quarter first; a condition with none yet has one row. */
function conditionRows(conditions: ConditionModel[]): SheetCell[][] {
  return conditions.flatMap((c) => {
    const head: SheetCell[] = [c.ref, c.text, c.sourceParagraph, c.measureOfSuccess, excelDate(c.dueDate)];
    const links: SheetCell[] = [c.actions.map((a) => a.ref).join(', '), c.metrics.map((m) => m.name).join('; ')];
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

const RISK_COLUMNS: SheetColumn[] = [
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

function riskRows(register: RiskRegisterView, plan: PlanView): SheetCell[][] {
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

/**
 * The whole plan as a workbook an auditor can sort and filter: real dates, money as numbers of
 * pounds, one sheet per register. It is a function of the data alone: its dates (created,
 * modified) are the instant it shows, so the same history gives the same workbook.
 */
export function buildPlanWorkbook(data: PlanWorkbookData): Workbook {
  const book = new Workbook();
  const when = new Date(data.knownAt);
  book.creator = 'SEND improvement plan tracker';
  book.lastModifiedBy = data.producedBy;
  book.created = when;
  book.modified = when;
  book.title = `${data.plan.title}, as known at ${ukDateTime(data.knownAt)}`;
  const sheets = ['Actions', 'Progress updates', 'Evidence', 'Scorecard', 'Finance', 'Forecast history', 'Conditions', 'Risks'];
  titleSheet(book, data, sheets);
  fillSheet(book.addWorksheet('Actions'), ACTION_COLUMNS, actionRows(data.plan));
  fillSheet(book.addWorksheet('Progress updates'), UPDATE_COLUMNS, updateRows(data.plan));
  fillSheet(book.addWorksheet('Evidence'), EVIDENCE_COLUMNS, evidenceRows(data.plan));
  scorecardSheet(book, data.plan.metrics);
  fillSheet(book.addWorksheet('Finance'), FINANCE_COLUMNS, financeRows(data.finance));
  fillSheet(
    book.addWorksheet('Forecast history'),
    FORECAST_HISTORY_COLUMNS,
    (data.finance?.forecastHistory ?? []).map((f) => [f.period, f.revision, pounds(f.forecastOutturn), f.commentary, excelDateTime(f.recordedAt), f.recordedBy]),
  );
  fillSheet(book.addWorksheet('Conditions'), CONDITION_COLUMNS, conditionRows(data.conditions));
  fillSheet(book.addWorksheet('Risks'), RISK_COLUMNS, riskRows(data.risks, data.plan));
  return book;
}
