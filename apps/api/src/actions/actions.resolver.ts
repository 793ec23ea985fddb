import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Principal } from '@send/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { listComplexity, pageComplexity } from '../hardening/list-complexity';
import { ExpensiveRead } from '../hardening/expensive-read.guard';
import { asAtComplexity, readsThePast } from '../hardening/history-complexity';
import { PlanReaders } from '../reading/plan-readers.service';
import { ActionArgs, actionLookupOf, ActionsQueryArgs } from './dto/action-query.args';
import { TimelineArgs } from './dto/timeline.args';
import { ImpactFlagService } from './impact-flag.service';
import { ActionConnectionModel } from './models/action-connection.model';
import { ActionModel } from './models/action.model';
import { EvidenceModel } from './models/evidence.model';
import { MilestoneModel } from './models/milestone.model';
import { TimelineConnectionModel } from './models/timeline-connection.model';
import { TimelineEntryModel } from './models/timeline-entry.model';

export const WHOLE_TIMELINE_DEPRECATED = "Use timelineEntries: a page at a time, newest first. An action's whole history runs to hundreds of entries, and this list costs the time of all of them.";

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
    deprecationReason: WHOLE_TIMELINE_DEPRECATED,
    complexity: listComplexity(20),
  })
  timeline(@Parent() action: ActionModel): Promise<TimelineEntryModel[]> {
    return action.reader.timeline(action.id);
  }

  @ResolveField(() => TimelineConnectionModel, {
    description: 'The events in the action’s history, newest first, one page at a time.',
    complexity: pageComplexity,
  })
  timelineEntries(@Parent() action: ActionModel, @Args() args: TimelineArgs): Promise<TimelineConnectionModel> {
    return action.reader.timelinePage(action.id, args.first, args.after);
  }
}
