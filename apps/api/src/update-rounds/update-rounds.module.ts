import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { UpdateRoundProgressService } from './update-round-progress.service';
import { UpdateRoundsResolver } from './update-rounds.resolver';

@Module({
  imports: [ActionsModule],
  providers: [UpdateRoundsResolver, UpdateRoundProgressService],
})
export class UpdateRoundsModule {}
