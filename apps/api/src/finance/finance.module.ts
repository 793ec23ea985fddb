import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AsAtModule } from '../as-at/as-at.module';
import { HighNeedsCommandsResolver } from './high-needs-commands.resolver';
import { HighNeedsReadService } from './high-needs-read.service';
import { HighNeedsResolver } from './high-needs.resolver';

@Module({
  imports: [ActionsModule, AsAtModule],
  providers: [HighNeedsResolver, HighNeedsCommandsResolver, HighNeedsReadService],
  exports: [HighNeedsReadService],
})
export class FinanceModule {}
