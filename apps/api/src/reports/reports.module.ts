import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AsAtModule } from '../as-at/as-at.module';
import { ConditionsModule } from '../conditions/conditions.module';
import { FinanceModule } from '../finance/finance.module';
import { MovementModule } from '../movement/movement.module';
import { BoardPackService } from './board-pack.service';
import { PlanWorkbookService } from './plan-workbook.service';
import { QuarterlyReportService } from './quarterly-report.service';
import { ReportsController } from './reports.controller';
import { ReportsResolver } from './reports.resolver';

@Module({
  imports: [ActionsModule, AsAtModule, ConditionsModule, FinanceModule, MovementModule],
  controllers: [ReportsController],
  providers: [
    // resolvers
    ReportsResolver,
    // documents: the quarterly report, the board pack, the whole plan as a workbook
    QuarterlyReportService,
    BoardPackService,
    PlanWorkbookService,
  ],
  exports: [QuarterlyReportService],
})
export class ReportsModule {}
