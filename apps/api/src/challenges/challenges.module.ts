import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AsAtModule } from '../as-at/as-at.module';
import { ChallengeReadService } from './challenge-read.service';
import { ChallengesResolver } from './challenges.resolver';

@Module({
  imports: [ActionsModule, AsAtModule],
  providers: [ChallengesResolver, ChallengeReadService],
  exports: [ChallengeReadService],
})
export class ChallengesModule {}
