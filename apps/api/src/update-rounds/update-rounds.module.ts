import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AsAtModule } from '../as-at/as-at.module';
import { UpdateRoundProgressService } from './update-round-progress.service';
import { UpdateRoundsResolver } from './update-rounds.resolver';

@Module({
  imports: [ActionsModule, AsAtModule],
  providers: [UpdateRoundsResolver, UpdateRoundProgressService],
})
export class UpdateRoundsModule {}
