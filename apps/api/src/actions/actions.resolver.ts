import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Principal } from '@send/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { listComplexity, pageComplexity } from '../hardening/list-complexity';
import { ExpensiveRead } from '../hardening/expensive-read.guard';
import { asAtComplexity, readsThePast } from '../hardening/history-complexity';
import { PlanReaders } from '../reading/plan-readers.service';
import { ActionArgs, actionLookupOf, ActionsQueryArgs } from './dto/action-query.args';
import { ImpactFlagService } from './impact-flag.service';
import { ActionConnectionModel } from './models/action-connection.model';
import { ActionModel } from './models/action.model';
import { EvidenceModel } from './models/evidence.model';
import { MilestoneModel } from './models/milestone.model';
import { TimelineEntryModel } from './models/timeline-entry.model';

@Resolver(() => ActionModel)
export class ActionsResolver {
  constructor(
    private readonly readers: PlanReaders,
    private readonly impact: ImpactFlagService,
  ) {}

  @Query(() => ActionModel, {
    description: 'One action, by id or by plan and reference (planId: "demo-plan", ref: "8.2"), live or as it was at an instant or board meeting; NOT_FOUND if there is no such action.',
    complexity: asAtComplexity(),
  })
  @ExpensiveRead(readsThePast)
  action(@Args() args: ActionArgs, @CurrentPrincipal() principal: Principal): Promise<ActionModel> {
    return this.readers.action(actionLookupOf(args), args, principal);
  }

  @Query(() => ActionConnectionModel, {
    description: "A plan's actions in reference order, filtered, one page at a time.",
    complexity: asAtComplexity(pageComplexity),
  })
  @ExpensiveRead(readsThePast)
  async actions(@Args() args: ActionsQueryArgs, @CurrentPrincipal() principal: Principal): Promise<ActionConnectionModel> {
    const reader = await this.readers.forPlan(args.planId, args, principal);
    return reader.actions(await this.impact.actionFilter(reader, args.filter), args.first, args.after);
  }

  @ResolveField(() => [MilestoneModel], { complexity: listComplexity(5) })
  milestones(@Parent() action: ActionModel): Promise<MilestoneModel[]> {
    return action.reader.milestones(action.id);
  }

  @ResolveField(() => [EvidenceModel], { complexity: listComplexity(5) })
  evidence(@Parent() action: ActionModel): Promise<EvidenceModel[]> {
    return action.reader.evidence(action.id);
  }

  @ResolveField(() => [TimelineEntryModel], {
    description: 'Every event in the action’s history, oldest first.',
    complexity: listComplexity(20),
  })
  timeline(@Parent() action: ActionModel): Promise<TimelineEntryModel[]> {
    return action.reader.timeline(action.id);
  }
}
