import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AsAtModule } from '../as-at/as-at.module';
import { ActionMetricsResolver } from './action-metrics.resolver';
import { ScorecardReadService } from './scorecard-read.service';
import { ScorecardResolver } from './scorecard.resolver';
import { MeasurementImportService } from './import/measurement-import.service';

@Module({
  imports: [ActionsModule, AsAtModule],
  providers: [
    // resolvers
    ScorecardResolver,
    ActionMetricsResolver,
    // reads
    ScorecardReadService,
    // writes
    MeasurementImportService,
  ],
})
export class ScorecardModule {}
