import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { OwnersModule } from '../owners/owners.module';
import { PlanRollUpService } from './plan-roll-up.service';
import { PlansResolver } from './plans.resolver';

@Module({
  imports: [ActionsModule, OwnersModule],
  providers: [PlansResolver, PlanRollUpService],
})
export class PlansModule {}
