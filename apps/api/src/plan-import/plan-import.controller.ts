import { Controller, HttpCode, Param, Post, Query, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { InvalidValueError, Principal } from '@send/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { PlanImportQuery } from './dto/plan-import.query';
import { PlanImportErrorFilter } from './plan-import-error.filter';
import { PlanImportReport } from './plan-import-report';
import { PlanImportService } from './plan-import.service';

/**
 * `POST /plans/:planId/import` with the spreadsheet as multipart field `file`, behind the same
 * bearer token as GraphQL. A file is an upload, not a GraphQL argument, so this is a plain route.
 */
@Controller('plans')
@UseFilters(PlanImportErrorFilter)
export class PlanImportController {
  constructor(private readonly imports: PlanImportService) {}

  /** Answers the row report: 200 for a dry run or an import, 422 (nothing written) when any row is bad. */
  @Post(':planId/import')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file'))
  async import(
    @Param('planId') planId: string,
    @Query() query: PlanImportQuery,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PlanImportReport> {
    if (!file) throw new InvalidValueError('file', 'required', 'Send the spreadsheet (CSV or XLSX) as multipart/form-data in a field named "file"');
    const report = await this.imports.import({
      planId,
      content: file.buffer,
      principal,
      dryRun: query.dryRun ?? false,
      importId: query.importId,
      asAt: query.asOfDate ?? query.asAt,
    });
    if (!report.dryRun && report.problems.length > 0) response.status(422);
    return report;
  }
}
