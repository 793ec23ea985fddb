import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AsAtModule } from '../as-at/as-at.module';
import { ConditionsModule } from '../conditions/conditions.module';
import { PlanWorkbookService } from './plan-workbook.service';
import { QuarterlyReportService } from './quarterly-report.service';
import { ReportsController } from './reports.controller';
import { ReportsResolver } from './reports.resolver';

@Module({
  imports: [ActionsModule, AsAtModule, ConditionsModule],
  controllers: [ReportsController],
  providers: [ReportsResolver, QuarterlyReportService, PlanWorkbookService],
})
export class ReportsModule {}
