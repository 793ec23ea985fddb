import { createHash } from 'node:crypto';
import { actionStream, metricStream, NotFoundError } from '@send/domain';
import { chainHeadAt, UpcastingEventStore } from '@send/event-store';
import { ActionLogHistory, ConditionStreamIndex, movementBetween, PlanHistory, RiskHistory } from '@send/read-models';
import { buildQuarterlyReport, lastPositionOf, QuarterlyReport } from './quarterly-report';
import { renderReportCsv } from './report-csv.renderer';
import { renderReportHtml } from './report-html.renderer';
import { meetingPeriod, quarterPeriod, ReportChoice } from './report-period';
import { quarterContaining, quarterOfChoice, readReportReturn } from './report-return';
import { withSignOff } from './report-sign-off.renderer';

export interface ProducedReport {
  report: QuarterlyReport;
  html: string;
  csv: string;
  htmlFileName: string;
  csvFileName: string;
  /** The SHA-256 (hex) of the HTML and CSV exactly as the chair signs or signed them. */
  htmlSha256: string;
  csvSha256: string;
}

/** Where a report's history is read from: the plan's own streams, its risks', its follow-ups' and its conditions'. */
export interface ReportHistories {
  plans: PlanHistory;
  risks: RiskHistory;
  actionLog: ActionLogHistory;
  conditions: ConditionStreamIndex;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The one path from events to report files, shared by the API and the CLI. The plan's part
 * depends only on its events up to the period's end (and the hash chain up to the newest of
 * them); the quarter's return on what is recorded about the quarter, frozen at its sign-off: no
 * clock, no locale, no read-model state. `upTo` caps the store position read, so the bytes a
 * sign-off hashes are the ones a frozen report renders again.
 */
export async function produceQuarterlyReport(histories: ReportHistories, store: UpcastingEventStore, planId: string, choice: ReportChoice, now: string, upTo?: bigint): Promise<ProducedReport> {
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
  const planStreams = async () => {
    const [actionIds, metricIds] = await Promise.all([history.index.actionIds(planId), history.index.metricIds(planId)]);
    return Promise.all([...actionIds.map((id) => store.readStream(actionStream(id))), ...metricIds.map((id) => store.readStream(metricStream(id)))]);
  };
  const sources = { store, conditions: histories.conditions, planStreams };
  const quarterlyReturn =
    'meetingId' in choice
      ? await readReportReturn(sources, planId, quarterContaining(period.to), { kind: 'meeting', asAt: period.to }, period.to)
      : await readReportReturn(sources, planId, quarterOfChoice(choice.financialYear, choice.quarter), { kind: 'quarter', upTo }, period.to);
  const report = buildQuarterlyReport(period, start, end, movementBetween(period.from, start, end), { start: risksAtStart, end: risksAtEnd, actionLog }, quarterlyReturn, chainHead);
  const stem = `${planId}-monitoring-report-${period.fileStem}`;
  const [signedHtml, csv] = [renderReportHtml(report), renderReportCsv(report)];
  return {
    report,
    // A signed-off quarter's page is the signed page with its sign-off and later corrections added in one place.
    html: withSignOff(signedHtml, quarterlyReturn),
    csv,
    htmlFileName: `${stem}.html`,
    csvFileName: `${stem}-actions.csv`,
    htmlSha256: sha256(signedHtml),
    csvSha256: sha256(csv),
  };
}
