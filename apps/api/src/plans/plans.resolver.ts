import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource, In } from 'typeorm';
import { Principal } from '@send/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { PlanEntity, PlanView } from '@send/read-models';
import { AsAtService } from '../as-at/as-at.service';
import { PlanArgs, PlansArgs } from './dto/plan.args';
import { ActionReadService, PlanScope } from '../actions/action-read.service';
import { toActionFilter } from '../actions/dto/action-filter.input';
import { PlanActionsArgs } from '../actions/dto/plan-actions.args';
import { ActionConnectionModel } from '../actions/models/action-connection.model';
import { PlanCommandService } from '../commands/plan-command.service';
import { ProjectionService } from '../infrastructure/projection.service';
import { OwnerWorkloadModel } from '../owners/models/owner.model';
import { OwnerWorkloadService } from '../owners/owner-workload.service';
import { CreatePlanInput } from './dto/create-plan.input';
import { ChangeStaleThresholdInput } from './dto/change-stale-threshold.input';
import { ImprovementAreaModel } from './models/improvement-area.model';
import { PlanModel } from './models/plan.model';
import { RagRollUpModel } from './models/rag-roll-up.model';
import { RecoveryPriorityModel } from './models/recovery-priority.model';
import { listComplexity, pageComplexity } from '../hardening/list-complexity';
import { ExpensiveRead } from '../hardening/expensive-read.guard';
import { asAtComplexity, readsThePast } from '../hardening/history-complexity';
import { PlanRollUpService } from './plan-roll-up.service';

type PlanFields = Pick<PlanEntity, 'planId' | 'localAreaId' | 'localAreaName' | 'title' | 'version' | 'approvedOn' | 'staleAfterDays' | 'revision'>;

/** A plan from today's read model, or from a view of it at an instant (which its fields then answer from). */
const toModel = (p: PlanFields, view?: PlanView): PlanModel => ({
  id: p.planId,
  localArea: { id: p.localAreaId, name: p.localAreaName },
  title: p.title,
  version: p.version,
  approvedOn: p.approvedOn,
  staleAfterDays: p.staleAfterDays,
  revision: p.revision,
  asAt: view?.asAt ?? null,
  knownAt: view?.knownAt ?? null,
  view,
});

export const fromView = (view: PlanView): PlanModel => toModel(view, view);

const scopeOf = (plan: PlanModel): PlanScope => ({ planId: plan.id, staleAfterDays: plan.staleAfterDays, view: plan.view });

@Resolver(() => PlanModel)
export class PlansResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: ActionReadService,
    private readonly rollUps: PlanRollUpService,
    private readonly workloads: OwnerWorkloadService,
    private readonly commands: PlanCommandService,
    private readonly projections: ProjectionService,
    private readonly asAt: AsAtService,
  ) {}

  @Query(() => [PlanModel], {
    description: 'Every plan in the local areas you hold a role in (as at an instant: those that existed then).',
    complexity: asAtComplexity(listComplexity(5), 5),
  })
  @ExpensiveRead(readsThePast)
  async plans(@Args() args: PlansArgs, @CurrentPrincipal() principal: Principal): Promise<PlanModel[]> {
    const areas = [...new Set(principal.grants.map((g) => g.localAreaId))];
    const rows = await this.dataSource
      .getRepository(PlanEntity)
      .find({ where: { localAreaId: In(areas) }, order: { localAreaName: 'ASC', planId: 'ASC' } });
    const asAt = await this.asAt.instant(args, principal);
    const knownAt = this.asAt.knownAt(args, asAt);
    if (asAt === undefined) return rows.map((row) => toModel(row));
    const views = await Promise.all(rows.map((row) => this.asAt.planView(row.planId, asAt, knownAt).catch(() => undefined)));
    return views.filter((v): v is PlanView => v !== undefined).map(fromView);
  }

  @Query(() => PlanModel, { description: 'One plan, live or as it was at an instant or board meeting; NOT_FOUND if there is no such plan.', complexity: asAtComplexity() })
  @ExpensiveRead(readsThePast)
  async plan(@Args() args: PlanArgs, @CurrentPrincipal() principal: Principal): Promise<PlanModel> {
    const row = await this.reader.plan(args.id, principal);
    const asAt = await this.asAt.instant(args, principal, row.planId);
    const knownAt = this.asAt.knownAt(args, asAt);
    return asAt === undefined ? toModel(row) : fromView(await this.asAt.planView(row.planId, asAt, knownAt));
  }

  @ResolveField(() => RagRollUpModel, { description: 'RAG roll-up of the whole plan.' })
  rollUp(@Parent() plan: PlanModel): Promise<RagRollUpModel> {
    return this.rollUps.forPlan(plan);
  }

  @ResolveField(() => [ImprovementAreaModel], { description: 'The eight areas, each with its RAG roll-up.', complexity: listComplexity(8) })
  areas(@Parent() plan: PlanModel): Promise<ImprovementAreaModel[]> {
    return this.rollUps.byArea(plan);
  }

  @ResolveField(() => [RecoveryPriorityModel], {
    description: 'The seven recovery priorities, each with its RAG roll-up.',
    complexity: listComplexity(7),
  })
  priorities(@Parent() plan: PlanModel): Promise<RecoveryPriorityModel[]> {
    return this.rollUps.byPriority(plan);
  }

  @ResolveField(() => ActionConnectionModel, { complexity: pageComplexity })
  actions(@Parent() plan: PlanModel, @Args() args: PlanActionsArgs): Promise<ActionConnectionModel> {
    // The parent plan was only resolved for someone allowed to see it.
    return this.reader.page(scopeOf(plan), toActionFilter(args.filter), args.first, args.after);
  }

  @ResolveField(() => [OwnerWorkloadModel], {
    description: 'Everyone who owns or has owned an action, with their workload.',
    complexity: listComplexity(20),
  })
  owners(@Parent() plan: PlanModel): Promise<OwnerWorkloadModel[]> {
    return this.workloads.forPlan(scopeOf(plan));
  }

  @Mutation(() => PlanModel, { description: 'Start a plan for a local area, with the eight areas and seven priorities.' })
  async createPlan(@Args('input') input: CreatePlanInput, @CurrentPrincipal() principal: Principal): Promise<PlanModel> {
    const result = await this.commands.executePlanCommand(
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
    return toModel(await this.reader.plan(input.planId, principal));
  }

  @Mutation(() => PlanModel, { description: 'Set how many days without an update make an action stale.' })
  async changeStaleThreshold(
    @Args('input') input: ChangeStaleThresholdInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PlanModel> {
    const result = await this.commands.executePlanCommand({ type: 'ChangeStaleThreshold', data: input }, { principal });
    await this.projections.caughtUpTo(result.position);
    return toModel(await this.reader.plan(input.planId, principal));
  }
}

