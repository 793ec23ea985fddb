import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { ChainHeadMailsResolver } from './chain-head-mails.resolver';
import { ChainHeadMailReadService } from './chain-head-mail-read.service';
import { ChainHeadMailLedgerService } from './chain-head-mail-ledger.service';
import { ChainHeadMailSchedulerService } from './chain-head-mail-scheduler.service';
import { ChainHeadMailSenderService } from './chain-head-mail-sender.service';
import { DueChainHeadMailsService } from './due-chain-head-mails.service';

/** Copies of the history's chain head, mailed to people outside the tracker's control. */
@Module({
  imports: [ActionsModule],
  providers: [
    // resolvers
    ChainHeadMailsResolver,
    ChainHeadMailReadService,
    // sending
    DueChainHeadMailsService,
    ChainHeadMailLedgerService,
    ChainHeadMailSenderService,
    ChainHeadMailSchedulerService,
  ],
  exports: [ChainHeadMailSenderService],
})
export class HistoryHeadsModule {}
