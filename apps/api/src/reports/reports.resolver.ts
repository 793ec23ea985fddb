import { Args, Query, Resolver } from '@nestjs/graphql';
import { Principal } from '@send/domain';
import { ActionReadService } from '../reading/action-read.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ExpensiveRead } from '../hardening/expensive-read.guard';
import { wholeHistoryComplexity } from '../hardening/history-complexity';
import { ReportArgs } from './dto/report.args';
import { QuarterlyReportModel } from './models/quarterly-report.model';
import { QuarterlyReportService } from './quarterly-report.service';

const downloadPath = (format: 'html' | 'csv', args: ReportArgs) => {
  const query = new URLSearchParams();
  for (const key of ['planId', 'financialYear', 'quarter', 'meetingId'] as const) if (args[key] !== undefined) query.set(key, String(args[key]));
  return `/reports/quarterly.${format}?${query.toString()}`;
};

@Resolver(() => QuarterlyReportModel)
export class ReportsResolver {
  constructor(
    private readonly reader: ActionReadService,
    private readonly reports: QuarterlyReportService,
  ) {}

  @Query(() => QuarterlyReportModel, { description: 'The quarterly monitoring report for a financial-year quarter or a closed board meeting.', complexity: wholeHistoryComplexity })
  @ExpensiveRead()
  async quarterlyReport(@Args() args: ReportArgs, @CurrentPrincipal() principal: Principal): Promise<QuarterlyReportModel> {
    const plan = await this.reader.plan(args.planId, principal);
    const { report, html, csv, htmlFileName, csvFileName } = await this.reports.produce(plan, args);
    return {
      planId: plan.planId,
      period: report.period.label,
      from: report.period.from,
      to: report.period.to,
      previousReport: report.period.previousLabel,
      eventsUpToPosition: report.lastPosition,
      chainHead: report.chainHead ?? undefined,
      htmlFileName,
      csvFileName,
      htmlDownloadPath: downloadPath('html', args),
      csvDownloadPath: downloadPath('csv', args),
      html,
      csv,
      returnQuarter: report.quarterlyReturn.quarter,
      // A signed-off quarter is shown as signed: the status the chair signed is SUBMITTED.
      returnStatus: report.quarterlyReturn.signOff ? 'SIGNED_OFF' : report.quarterlyReturn.status,
      executiveSummary: report.quarterlyReturn.summary?.text ?? null,
      signOff: report.quarterlyReturn.signOff,
      correctionsSinceSignOff: report.quarterlyReturn.corrections,
    };
  }
}
