import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { ReminderLedgerService } from './reminder-ledger.service';
import { ReminderSchedulerService } from './reminder-scheduler.service';
import { ReminderSenderService } from './reminder-sender.service';
import { ReminderSituationService } from './reminder-situation.service';
import { RemindersResolver } from './reminders.resolver';

@Module({
  imports: [ActionsModule],
  providers: [
    // resolvers
    RemindersResolver,
    // sending
    ReminderSituationService,
    ReminderLedgerService,
    ReminderSenderService,
    ReminderSchedulerService,
  ],
  exports: [ReminderSenderService],
})
export class RemindersModule {}
