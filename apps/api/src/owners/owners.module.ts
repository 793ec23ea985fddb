import { AsAtModule } from '../as-at/as-at.module';
import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { OwnerWorkloadService } from './owner-workload.service';
import { OwnersResolver } from './owners.resolver';

@Module({
  imports: [ActionsModule, AsAtModule],
  providers: [OwnersResolver, OwnerWorkloadService],
  exports: [OwnerWorkloadService],
})
export class OwnersModule {}
