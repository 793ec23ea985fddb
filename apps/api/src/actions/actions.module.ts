import { Module } from '@nestjs/common';
import { ActionCommandsResolver } from './action-commands.resolver';
import { ActionReadService } from './action-read.service';
import { ActionsResolver } from './actions.resolver';

@Module({
  providers: [
    // resolvers
    ActionsResolver,
    ActionCommandsResolver,
    // reads
    ActionReadService,
  ],
  exports: [ActionReadService],
})
export class ActionsModule {}
