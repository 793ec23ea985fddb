import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { PlansResolver } from './plans.resolver';

@Module({
  imports: [ActionsModule],
  providers: [PlansResolver],
})
export class PlansModule {}
