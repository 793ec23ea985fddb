import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AsAtModule } from '../as-at/as-at.module';
import { MovementResolver } from './movement.resolver';
import { MovementService } from './movement.service';

@Module({
  imports: [ActionsModule, AsAtModule],
  providers: [MovementResolver, MovementService],
  exports: [MovementService],
})
export class MovementModule {}
