import { Module } from '@nestjs/common';
import { ReadingModule } from '../reading/reading.module';
import { DependencyCommandsResolver } from './dependency-commands.resolver';
import { ActionDependenciesResolver, PlanDependenciesResolver } from './dependencies.resolver';

@Module({
  imports: [ReadingModule],
  providers: [DependencyCommandsResolver, ActionDependenciesResolver, PlanDependenciesResolver],
})
export class DependenciesModule {}
