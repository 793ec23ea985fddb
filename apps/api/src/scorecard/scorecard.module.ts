import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { ActionMetricsResolver } from './action-metrics.resolver';
import { ScorecardResolver } from './scorecard.resolver';
import { MeasurementImportService } from './measurement-import.service';

@Module({
  imports: [ActionsModule],
  providers: [
    // resolvers
    ScorecardResolver,
    ActionMetricsResolver,
    // writes
    MeasurementImportService,
  ],
})
export class ScorecardModule {}
