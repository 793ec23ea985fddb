import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AsAtModule } from '../as-at/as-at.module';
import { HighNeedsCommandsResolver } from './high-needs-commands.resolver';
import { HighNeedsReadService } from './high-needs-read.service';
import { HighNeedsResolver } from './high-needs.resolver';
import { ActionFinanceCommandsResolver } from './action-finance-commands.resolver';
import { ActionFinanceReadService } from './action-finance-read.service';
import { ActionFinanceFieldResolver, PlanFinanceResolver } from './action-finance.resolver';

@Module({
  imports: [ActionsModule, AsAtModule],
  providers: [
    // resolvers
    HighNeedsResolver,
    HighNeedsCommandsResolver,
    PlanFinanceResolver,
    ActionFinanceFieldResolver,
    ActionFinanceCommandsResolver,
    // reads
    HighNeedsReadService,
    ActionFinanceReadService,
  ],
  exports: [HighNeedsReadService, ActionFinanceReadService],
})
export class FinanceModule {}
