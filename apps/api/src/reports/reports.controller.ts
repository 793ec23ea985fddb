import { Controller, Get, Header, Query, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { Principal } from '@send/domain';
import { ActionReadService } from '../reading/action-read.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ExpensiveRead } from '../hardening/expensive-read.guard';
import { HttpErrorFilter } from '../errors/http-error.filter';
import { ReportArgs } from './dto/report.args';
import { QuarterlyReportService } from './quarterly-report.service';
import { PlanDownloadArgs } from './dto/plan-download.args';
import { PlanWorkbookService } from './plan-workbook.service';
import { quarterlyReportPdf } from './quarterly-report-pdf';
import { BoardPackArgs } from './dto/board-pack.args';
import { BoardPackService } from './board-pack.service';
import { renderReturnCsv } from './report-return-csv.renderer';

/**
 * Plain downloads for a browser or curl, behind the same bearer token and the same visibility rules
 * as GraphQL. The type is set after attachment(), which would otherwise guess it from the name.
 */
@Controller('reports')
@UseFilters(HttpErrorFilter)
export class ReportsController {
  constructor(
    private readonly reader: ActionReadService,
    private readonly reports: QuarterlyReportService,
    private readonly workbooks: PlanWorkbookService,
    private readonly boardPacks: BoardPackService,
  ) {}

  @Get('quarterly.html')
  @ExpensiveRead()
  @Header('Cache-Control', 'no-store')
  async html(@Query() args: ReportArgs, @CurrentPrincipal() principal: Principal, @Res() response: Response): Promise<void> {
    const { html, htmlFileName } = await this.reports.produce(await this.reader.plan(args.planId, principal), args);
    response.attachment(htmlFileName).type('text/html; charset=utf-8').send(html);
  }

  @Get('quarterly.csv')
  @ExpensiveRead()
  @Header('Cache-Control', 'no-store')
  async csv(@Query() args: ReportArgs, @CurrentPrincipal() principal: Principal, @Res() response: Response): Promise<void> {
    const { csv, csvFileName } = await this.reports.produce(await this.reader.plan(args.planId, principal), args);
    response.attachment(csvFileName).type('text/csv; charset=utf-8').send(csv);
  }

  /** The DfE quarterly return's own facts (status, summary, finance lines, conditions, corrections), from the same report. */
  @Get('quarterly-return.csv')
  @ExpensiveRead()
  @Header('Cache-Control', 'no-store')
  async returnCsv(@Query() args: ReportArgs, @CurrentPrincipal() principal: Principal, @Res() response: Response): Promise<void> {
    const { report, csvFileName } = await this.reports.produce(await this.reader.plan(args.planId, principal), args);
    response.attachment(csvFileName.replace(/-actions\.csv$/, '-return.csv')).type('text/csv; charset=utf-8').send(renderReturnCsv(report.quarterlyReturn));
  }

  @Get('quarterly.pdf')
  @ExpensiveRead()
  @Header('Cache-Control', 'no-store')
  async pdf(@Query() args: ReportArgs, @CurrentPrincipal() principal: Principal, @Res() response: Response): Promise<void> {
    const { pdf, pdfFileName } = await quarterlyReportPdf(await this.reports.produce(await this.reader.plan(args.planId, principal), args));
    response.attachment(pdfFileName).type('application/pdf').send(pdf);
  }

  /** The whole plan for auditors: a history read, priced like the reports. */
  @Get('plan.xlsx')
  @ExpensiveRead()
  @Header('Cache-Control', 'no-store')
  async workbook(@Query() args: PlanDownloadArgs, @CurrentPrincipal() principal: Principal, @Res() response: Response): Promise<void> {
    const { fileName, content } = await this.workbooks.produce(await this.reader.plan(args.planId, principal), principal);
    response.attachment(fileName).type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(content);
  }

  /** The board's papers; every role in the area reads what they show, so every role may have them. */
  @Get('board-pack.pdf')
  @ExpensiveRead()
  @Header('Cache-Control', 'no-store')
  async boardPack(@Query() args: BoardPackArgs, @CurrentPrincipal() principal: Principal, @Res() response: Response): Promise<void> {
    const { pdf, fileName } = await this.boardPacks.produce(await this.reader.plan(args.planId, principal), args);
    response.attachment(fileName).type('application/pdf').send(pdf);
  }
}
