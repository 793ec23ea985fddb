import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AsAtModule } from '../as-at/as-at.module';
import { FinanceModule } from '../finance/finance.module';
import { ConditionCommandsResolver } from './condition-commands.resolver';
import { ConditionReadService } from './condition-read.service';
import { ConditionsResolver } from './conditions.resolver';

@Module({
  imports: [ActionsModule, AsAtModule, FinanceModule],
  providers: [ConditionsResolver, ConditionCommandsResolver, ConditionReadService],
  exports: [ConditionReadService],
})
export class ConditionsModule {}
