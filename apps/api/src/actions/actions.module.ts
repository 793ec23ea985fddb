import { Module } from '@nestjs/common';
import { ActionCommandsResolver } from './action-commands.resolver';
import { ActionsResolver } from './actions.resolver';
import { ActionConfidenceResolver } from './action-confidence.resolver';
import { ImpactFlagService } from './impact-flag.service';
import { PlanImpactResolver } from './plan-impact.resolver';
import { DelegateLookupService } from './delegate-lookup.service';
import { ReadingModule } from '../reading/reading.module';

@Module({
  imports: [ReadingModule],
  providers: [
    // resolvers
    ActionsResolver,
    ActionCommandsResolver,
    ActionConfidenceResolver,
    PlanImpactResolver,
    // reads
    DelegateLookupService,
    ImpactFlagService,
  ],
  // Every feature that imports actions reads plans through the same readers.
  exports: [ReadingModule, ImpactFlagService],
})
export class ActionsModule {}
