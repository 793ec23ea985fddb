import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ActionModel } from '../actions/models/action.model';
import { listComplexity } from '../hardening/list-complexity';
import { PlanModel } from '../plans/models/plan.model';
import { ImprovementAreaModel } from '../plans/models/improvement-area.model';
import { RecoveryPriorityModel } from '../plans/models/recovery-priority.model';
import { DependencyModel, DependencyNetworkModel, DependencyRiskModel } from './models/dependency.model';

/** An action's dependencies, read from its plan's network through the reader its request picked (live or as at). */
@Resolver(() => ActionModel)
export class ActionDependenciesResolver {
  @ResolveField(() => [DependencyModel], { description: 'What this action waits for (finish-to-start).', complexity: listComplexity(5) })
  async dependsOn(@Parent() action: ActionModel): Promise<DependencyModel[]> {
    return (await action.reader.dependencyNetwork()).dependsOn(action.id);
  }

  @ResolveField(() => [DependencyModel], { description: 'The actions waiting for this one.', complexity: listComplexity(5) })
  async dependents(@Parent() action: ActionModel): Promise<DependencyModel[]> {
    return (await action.reader.dependencyNetwork()).dependents(action.id);
  }

  @ResolveField(() => [DependencyRiskModel], {
    description: 'Slipping actions upstream of this one, nearest first: "at risk from 5.1". Empty unless this action is open.',
    complexity: listComplexity(5),
  })
  async atRiskFrom(@Parent() action: ActionModel): Promise<DependencyRiskModel[]> {
    return (await action.reader.dependencyNetwork()).atRiskFrom(action.id);
  }
}

@Resolver(() => PlanModel)
export class PlanDependenciesResolver {
  @ResolveField(() => DependencyNetworkModel, {
    description: 'Every dependency between the plan’s actions, and the chains a slipping action puts at risk.',
    complexity: listComplexity(20),
  })
  async dependencies(@Parent() plan: PlanModel): Promise<DependencyNetworkModel> {
    return (await plan.reader.dependencyNetwork()).model();
  }
}

const AT_RISK = 'Open actions here at risk from a slipping action they wait for, as on the day shown (the roll-up counts RAG; this counts what may slip next).';

@Resolver(() => ImprovementAreaModel)
export class AreaDependenciesResolver {
  @ResolveField(() => Int, { description: AT_RISK })
  async atRiskFromDependencies(@Parent() area: ImprovementAreaModel): Promise<number> {
    return (await area.reader!.dependencyNetwork()).atRiskIn({ area: area.number });
  }
}

@Resolver(() => RecoveryPriorityModel)
export class PriorityDependenciesResolver {
  @ResolveField(() => Int, { description: AT_RISK })
  async atRiskFromDependencies(@Parent() priority: RecoveryPriorityModel): Promise<number> {
    return (await priority.reader!.dependencyNetwork()).atRiskIn({ priority: priority.number });
  }
}
