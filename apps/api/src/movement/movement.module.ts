import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AsAtModule } from '../as-at/as-at.module';
import { RisksModule } from '../risks/risks.module';
import { MovementRisksResolver } from './movement-risks.resolver';
import { MovementResolver } from './movement.resolver';
import { MovementService } from './movement.service';

@Module({
  imports: [ActionsModule, AsAtModule, RisksModule],
  providers: [MovementResolver, MovementRisksResolver, MovementService],
  exports: [MovementService],
})
export class MovementModule {}
