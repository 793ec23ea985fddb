import { Module } from '@nestjs/common';
import { ActionCommandsResolver } from './action-commands.resolver';
import { ActionReadService } from './action-read.service';
import { ActionsResolver } from './actions.resolver';
import { DelegateLookupService } from './delegate-lookup.service';

@Module({
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
