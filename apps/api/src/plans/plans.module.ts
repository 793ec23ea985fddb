import { AsAtModule } from '../as-at/as-at.module';
import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { OwnersModule } from '../owners/owners.module';
import { PlanRollUpService } from './plan-roll-up.service';
import { PlansResolver } from './plans.resolver';

@Module({
  imports: [ActionsModule, OwnersModule, AsAtModule],
  providers: [PlansResolver, PlanRollUpService],
})
export class PlansModule {}
