import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { HistoryCheckOnStart } from './history-check-on-start';
import { HistoryHeadResolver } from './history-head.resolver';
import { HistoryResolver } from './history.resolver';
import { HistoryVerificationService } from './history-verification.service';

@Module({
  imports: [ActionsModule],
  providers: [HistoryResolver, HistoryHeadResolver, HistoryVerificationService, HistoryCheckOnStart],
})
export class HistoryModule {}
