import { Module } from '@nestjs/common';
import { ActionReadService } from './action-read.service';
import { AsAtModule } from '../as-at/as-at.module';
import { OwnerWorkloadService } from './owner-workload.service';
import { PlanRollUpService } from './plan-roll-up.service';
import { ScorecardReadService } from './scorecard-read.service';
import { PlanReaders } from './plan-readers.service';

/** The read side every resolver goes through: the access lookups and the live and historic plan readers. */
@Module({
  imports: [AsAtModule],
  providers: [
    // picks a request's reader
    PlanReaders,
    // access checks before any read
    ActionReadService,
    // live reads, shared by every live reader
    PlanRollUpService,
    OwnerWorkloadService,
    ScorecardReadService,
  ],
  exports: [PlanReaders, ActionReadService, ScorecardReadService],
})
export class ReadingModule {}
