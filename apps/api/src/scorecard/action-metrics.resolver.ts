import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ActionModel } from '../actions/models/action.model';
import { listComplexity } from '../hardening/list-complexity';
import { MetricModel } from './models/metric.model';
import { ScorecardReadService } from './scorecard-read.service';

/** From an action, the scorecard metrics it is meant to move. */
@Resolver(() => ActionModel)
export class ActionMetricsResolver {
  constructor(private readonly reader: ScorecardReadService) {}

  @ResolveField(() => [MetricModel], { description: 'The scorecard metrics this action is expected to move (as they stand today).', complexity: listComplexity(5) })
  metrics(@Parent() action: ActionModel): Promise<MetricModel[]> {
    return this.reader.forAction(action.planId, action.id);
  }
}
