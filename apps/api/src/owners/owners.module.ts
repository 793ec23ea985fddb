import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { OwnersResolver } from './owners.resolver';
import { OwnerCommandsResolver } from './owner-commands.resolver';

@Module({
  imports: [ActionsModule],
  providers: [OwnersResolver, OwnerCommandsResolver],
})
export class OwnersModule {}
