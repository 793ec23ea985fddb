import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AsAtModule } from '../as-at/as-at.module';
import { ReportsModule } from '../reports/reports.module';
import { QuarterlyReturnCommands } from './quarterly-return-commands.service';
import { QuarterlyReturnCommandsResolver } from './quarterly-return-commands.resolver';
import { QuarterlyReturnReadService } from './quarterly-return-read.service';
import { QuarterlyReturnResolver } from './quarterly-return.resolver';

/** The DfE quarterly return: its executive summary, submission and sign-off (docs/reports.md). */
@Module({
  imports: [ActionsModule, AsAtModule, ReportsModule],
  providers: [QuarterlyReturnResolver, QuarterlyReturnCommandsResolver, QuarterlyReturnCommands, QuarterlyReturnReadService],
})
export class QuarterlyReturnsModule {}
