import { Module } from '@nestjs/common';
import { ReadingModule } from '../reading/reading.module';
import { DependencyCommandsResolver } from './dependency-commands.resolver';
import { ActionDependenciesResolver, AreaDependenciesResolver, PlanDependenciesResolver, PriorityDependenciesResolver } from './dependencies.resolver';

@Module({
  imports: [ReadingModule],
  providers: [DependencyCommandsResolver, ActionDependenciesResolver, PlanDependenciesResolver, AreaDependenciesResolver, PriorityDependenciesResolver],
})
export class DependenciesModule {}
