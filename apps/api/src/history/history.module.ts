import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { HistoryResolver } from './history.resolver';
import { HistoryVerificationService } from './history-verification.service';

@Module({
  imports: [ActionsModule],
  providers: [HistoryResolver, HistoryVerificationService],
})
export class HistoryModule {}
