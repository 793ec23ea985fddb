import { Module } from '@nestjs/common';
import { ChallengeReadService } from './challenge-read.service';
import { ChallengesResolver } from './challenges.resolver';

@Module({
  providers: [ChallengesResolver, ChallengeReadService],
})
export class ChallengesModule {}
