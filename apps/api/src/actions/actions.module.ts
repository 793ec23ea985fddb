import { AsAtModule } from '../as-at/as-at.module';
import { Module } from '@nestjs/common';
import { ActionCommandsResolver } from './action-commands.resolver';
import { ActionReadService } from './action-read.service';
import { ActionsResolver } from './actions.resolver';
import { DelegateLookupService } from './delegate-lookup.service';

@Module({
  imports: [AsAtModule],
  providers: [
    // resolvers
    ActionsResolver,
    ActionCommandsResolver,
    // reads
    ActionReadService,
    DelegateLookupService,
  ],
  exports: [ActionReadService],
})
export class ActionsModule {}
