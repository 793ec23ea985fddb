import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Principal } from '@send/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { PlanArgs, PlansArgs } from './dto/plan.args';
import { ImpactFlagService } from '../actions/impact-flag.service';
import { PlanActionsArgs } from '../actions/dto/plan-actions.args';
import { ActionConnectionModel } from '../actions/models/action-connection.model';
import { PlanCommands } from './plan-commands.service';
import { ProjectionService } from '../infrastructure/projection.service';
import { OwnerWorkloadModel } from '../owners/models/owner.model';
import { PlanReaders } from '../reading/plan-readers.service';
import { CreatePlanInput } from './dto/create-plan.input';
import { ChangeStaleThresholdInput } from './dto/change-stale-threshold.input';
import { SetRiskEscalationThresholdInput } from './dto/set-risk-escalation-threshold.input';
import { ImprovementAreaModel } from './models/improvement-area.model';
import { PlanModel } from './models/plan.model';
import { RagRollUpModel } from './models/rag-roll-up.model';
import { RecoveryPriorityModel } from './models/recovery-priority.model';
import { listComplexity, pageComplexity } from '../hardening/list-complexity';
import { ExpensiveRead } from '../hardening/expensive-read.guard';
import { asAtComplexity, readsThePast } from '../hardening/history-complexity';

@Resolver(() => PlanModel)
export class PlansResolver {
  constructor(
    private readonly readers: PlanReaders,
    private readonly commands: PlanCommands,
    private readonly projections: ProjectionService,
    private readonly impact: ImpactFlagService,
  ) {}

  @Query(() => [PlanModel], {
    description: 'Every plan in the local areas you hold a role in (as at an instant: those that existed then).',
    complexity: asAtComplexity(listComplexity(5), 5),
  })
  @ExpensiveRead(readsThePast)
  async plans(@Args() args: PlansArgs, @CurrentPrincipal() principal: Principal): Promise<PlanModel[]> {
    return (await this.readers.visiblePlans(args, principal)).map((reader) => reader.plan());
  }

  @Query(() => PlanModel, { description: 'One plan, live or as it was at an instant or board meeting; NOT_FOUND if there is no such plan.', complexity: asAtComplexity() })
  @ExpensiveRead(readsThePast)
  async plan(@Args() args: PlanArgs, @CurrentPrincipal() principal: Principal): Promise<PlanModel> {
    return (await this.readers.forPlan(args.id, args, principal)).plan();
  }

  @ResolveField(() => RagRollUpModel, { description: 'RAG roll-up of the whole plan.' })
  rollUp(@Parent() plan: PlanModel): Promise<RagRollUpModel> {
    return plan.reader.rollUp();
  }

  @ResolveField(() => [ImprovementAreaModel], { description: 'The eight areas, each with its RAG roll-up.', complexity: listComplexity(8) })
  areas(@Parent() plan: PlanModel): Promise<ImprovementAreaModel[]> {
    return plan.reader.areas();
  }

  @ResolveField(() => [RecoveryPriorityModel], {
    description: 'The seven recovery priorities, each with its RAG roll-up.',
    complexity: listComplexity(7),
  })
  priorities(@Parent() plan: PlanModel): Promise<RecoveryPriorityModel[]> {
    return plan.reader.priorities();
  }

  @ResolveField(() => ActionConnectionModel, { complexity: pageComplexity })
  async actions(@Parent() plan: PlanModel, @Args() args: PlanActionsArgs): Promise<ActionConnectionModel> {
    // The parent plan was only resolved for someone allowed to see it.
    return plan.reader.actions(await this.impact.actionFilter(plan.reader, args.filter), args.first, args.after);
  }

  @ResolveField(() => [OwnerWorkloadModel], {
    description: 'Everyone who owns or has owned an action, with their workload.',
    complexity: listComplexity(20),
  })
  owners(@Parent() plan: PlanModel): Promise<OwnerWorkloadModel[]> {
    return plan.reader.owners();
  }

  @Mutation(() => PlanModel, { description: 'Start a plan for a local area, with the eight areas and seven priorities.' })
  async createPlan(@Args('input') input: CreatePlanInput, @CurrentPrincipal() principal: Principal): Promise<PlanModel> {
    const result = await this.commands.execute(
      {
      type: 'CreatePlan',
      data: {
        planId: input.planId,
        localArea: { id: input.localAreaId, name: input.localAreaName },
        title: input.title,
        version: input.version,
        approvedOn: input.approvedOn,
        staleAfterDays: input.staleAfterDays,
      },
      },
      { principal },
    );
    await this.projections.caughtUpTo(result.position);
    return (await this.readers.forPlan(input.planId, {}, principal)).plan();
  }

  @Mutation(() => PlanModel, { description: 'Set how many days without an update make an action stale.' })
  async changeStaleThreshold(
    @Args('input') input: ChangeStaleThresholdInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PlanModel> {
    const result = await this.commands.execute({ type: 'ChangeStaleThreshold', data: input }, { principal });
    await this.projections.caughtUpTo(result.position);
    return (await this.readers.forPlan(input.planId, {}, principal)).plan();
  }

  @Mutation(() => PlanModel, { description: "Set the score (1–25) at which an open risk goes on the board's agenda, with the reason (board chair, programme office)." })
  async setRiskEscalationThreshold(@Args('input') input: SetRiskEscalationThresholdInput, @CurrentPrincipal() principal: Principal): Promise<PlanModel> {
    const { planId, score, reason } = input;
    const result = await this.commands.execute({ type: 'SetRiskEscalationThreshold', data: { planId, score, reason } }, { principal });
    await this.projections.caughtUpTo(result.position);
    return (await this.readers.forPlan(planId, {}, principal)).plan();
  }
}

