import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { listComplexity } from '../hardening/list-complexity';
import { PlanModel } from '../plans/models/plan.model';
import { ImpactFlagService } from './impact-flag.service';
import { ActionModel } from './models/action.model';

/** The board's list of actions that are on track on paper but not moving the outcomes they are for. */
@Resolver(() => PlanModel)
export class PlanImpactResolver {
  constructor(private readonly impact: ImpactFlagService) {}

  @ResolveField(() => [ActionModel], {
    description: 'Open actions rated Green whose linked scorecard metrics are off target or getting worse ("green but not moving the needle"), in reference order, each with its impactFlag.',
    complexity: listComplexity(10),
  })
  greenButNotMovingTheNeedle(@Parent() plan: PlanModel): Promise<ActionModel[]> {
    return this.impact.flaggedIn(plan.reader);
  }
}
