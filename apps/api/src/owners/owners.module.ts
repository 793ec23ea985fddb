import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { OwnersResolver } from './owners.resolver';

@Module({
  imports: [ActionsModule],
  providers: [OwnersResolver],
})
export class OwnersModule {}
