import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ActionModel } from '../actions/models/action.model';
import { listComplexity } from '../hardening/list-complexity';
import { MetricModel } from './models/metric.model';

/** From an action, the scorecard metrics it is meant to move. */
@Resolver(() => ActionModel)
export class ActionMetricsResolver {
  @ResolveField(() => [MetricModel], { description: 'The scorecard metrics this action is expected to move (as they stand today).', complexity: listComplexity(5) })
  metrics(@Parent() action: ActionModel): Promise<MetricModel[]> {
    return action.reader.metricsMovedBy(action.id);
  }
}
