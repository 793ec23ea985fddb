import { Workbook } from 'exceljs';
import { ukDateTime } from '@send/domain';
import { FundingView, HighNeedsView, PlanView, RiskRegisterView } from '@send/read-models';
import { ConditionModel } from '../conditions/models/condition.model';
import { ACTION_COLUMNS, actionRows, EVIDENCE_COLUMNS, evidenceRows, UPDATE_COLUMNS, updateRows } from './workbook-action-sheets';
import { excelDate, excelDateTime, fillSheet, pounds, SheetCell } from './workbook-cells';
import { FUNDING_COLUMNS, fundingRows, SAVINGS_TARGET_COLUMNS, savingsTargetRows } from './workbook-funding-sheets';
import { CONDITION_COLUMNS, conditionRows, FINANCE_COLUMNS, financeRows, FORECAST_HISTORY_COLUMNS, RISK_COLUMNS, riskRows, scorecardSheet } from './workbook-register-sheets';

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
  /** Money on actions and priorities, folded from the plan's funding stream. */
  funding: FundingView;
  conditions: ConditionModel[];
}

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
  const sheets = ['Actions', 'Progress updates', 'Evidence', 'Scorecard', 'Finance', 'Forecast history', 'Funding', 'Savings targets', 'Conditions', 'Risks'];
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
  fillSheet(book.addWorksheet('Funding'), FUNDING_COLUMNS, fundingRows(data.funding, data.plan));
  fillSheet(book.addWorksheet('Savings targets'), SAVINGS_TARGET_COLUMNS, savingsTargetRows(data.funding, data.plan));
  fillSheet(book.addWorksheet('Conditions'), CONDITION_COLUMNS, conditionRows(data.conditions));
  fillSheet(book.addWorksheet('Risks'), RISK_COLUMNS, riskRows(data.risks, data.plan));
  return book;
}
