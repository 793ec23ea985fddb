import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AsAtModule } from '../as-at/as-at.module';
import { RiskCommandsResolver } from './risk-commands.resolver';
import { RiskReadService } from './risk-read.service';
import { RisksResolver } from './risks.resolver';

@Module({
  imports: [ActionsModule, AsAtModule],
  providers: [RisksResolver, RiskCommandsResolver, RiskReadService],
  exports: [RiskReadService],
})
export class RisksModule {}
