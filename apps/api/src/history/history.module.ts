import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { HistoryBreakAlert } from './history-break-alert.service';
import { HistoryBreakCommands } from './history-break-commands.service';
import { HistoryIntegrityMonitor } from './history-integrity-monitor.service';
import { HistoryIntegrityResolver } from './history-integrity.resolver';
import { HistoryIntegrityReader } from './history-integrity-reader.service';
import { HistoryHeadResolver } from './history-head.resolver';
import { HistoryResolver } from './history.resolver';
import { HistoryVerificationService } from './history-verification.service';

@Module({
  imports: [ActionsModule],
  providers: [HistoryResolver, HistoryHeadResolver, HistoryVerificationService, HistoryIntegrityResolver, HistoryIntegrityReader, HistoryIntegrityMonitor, HistoryBreakCommands, HistoryBreakAlert],
  exports: [HistoryIntegrityMonitor],
})
export class HistoryModule {}
