import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { QuarterlyReportService } from './quarterly-report.service';
import { ReportsController } from './reports.controller';
import { ReportsResolver } from './reports.resolver';

@Module({
  imports: [ActionsModule],
  controllers: [ReportsController],
  providers: [ReportsResolver, QuarterlyReportService],
  exports: [QuarterlyReportService],
})
export class ReportsModule {}
