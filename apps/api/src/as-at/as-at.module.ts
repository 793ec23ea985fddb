import { Module } from '@nestjs/common';
import { AsAtService } from './as-at.service';

/** "As it was then": plan views folded from the event store, for every read that takes asAt. */
@Module({
  providers: [AsAtService],
  exports: [AsAtService],
})
export class AsAtModule {}
