import { Module } from '@nestjs/common';
import { RiskCommandsResolver } from './risk-commands.resolver';
import { RiskReadService } from './risk-read.service';
import { RisksResolver } from './risks.resolver';

@Module({
  providers: [RisksResolver, RiskCommandsResolver, RiskReadService],
})
export class RisksModule {}
