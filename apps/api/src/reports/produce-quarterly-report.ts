import { NotFoundError } from '@send/domain';
import { chainHeadAt, EventStore } from '@send/event-store';
import { ActionLogHistory, movementBetween, PlanHistory, RiskHistory } from '@send/read-models';
import { buildQuarterlyReport, lastPositionOf, QuarterlyReport } from './quarterly-report';
import { renderReportCsv } from './report-csv.renderer';
import { renderReportHtml } from './report-html.renderer';
import { meetingPeriod, quarterPeriod, ReportChoice } from './report-period';

export interface ProducedReport {
  report: QuarterlyReport;
  html: string;
  csv: string;
  htmlFileName: string;
  csvFileName: string;
}

/**
 * The one path from events to report files, shared by the API and the CLI. Its output depends
 * only on the plan's events up to the period's end (and the hash chain up to the newest of
 * them): no clock, no locale, no read-model state.
 */
/** Where a report's history is read from: the plan's own streams, its risks' and its follow-ups'. */
export interface ReportHistories {
  plans: PlanHistory;
  risks: RiskHistory;
  actionLog: ActionLogHistory;
}

export async function produceQuarterlyReport(histories: ReportHistories, store: EventStore, planId: string, choice: ReportChoice, now: string): Promise<ProducedReport> {
  const history = histories.plans;
  const createdAt = await history.planCreatedAt(planId);
  if (createdAt === undefined) throw new NotFoundError('planExists', `No improvement plan with id ${planId}`);
  const period =
    'meetingId' in choice
      ? meetingPeriod(choice.meetingId, await history.closedMeetings(planId), createdAt)
      : quarterPeriod(choice.financialYear, choice.quarter, now);
  const [start, end] = await history.viewsAt(planId, [period.from, period.to]);
  if (!end) throw new NotFoundError('existedAsAt', `Plan ${planId} did not exist yet at the end of ${period.label}`);
  const [risksAtStart, risksAtEnd] = await histories.risks.registersAt(planId, [period.from, period.to]);
  const [actionLog] = await histories.actionLog.logsAt(planId, [period.to]);
  const lastPosition = lastPositionOf(end, risksAtEnd, actionLog);
  const chainHead = lastPosition === null ? undefined : await chainHeadAt(store, lastPosition);
  const report = buildQuarterlyReport(period, start, end, movementBetween(period.from, start, end), { start: risksAtStart, end: risksAtEnd, actionLog }, chainHead);
  const stem = `${planId}-monitoring-report-${period.fileStem}`;
  return { report, html: renderReportHtml(report), csv: renderReportCsv(report), htmlFileName: `${stem}.html`, csvFileName: `${stem}-actions.csv` };
}
