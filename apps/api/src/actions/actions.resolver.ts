import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { londonDateOf, NotFoundError, Principal } from '@send/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { EvidenceEntity, MilestoneEntity, TimelineEntryEntity } from '@send/read-models';
import { Clock } from '../common/clock';
import { listComplexity, pageComplexity } from '../hardening/list-complexity';
import { ExpensiveRead } from '../hardening/expensive-read.guard';
import { asAtComplexity, readsThePast } from '../hardening/history-complexity';
import { ActionReadService } from './action-read.service';
import { toActionFilter } from './dto/action-filter.input';
import { ActionArgs, actionLookupOf, ActionsQueryArgs } from './dto/action-query.args';
import { AsAtService } from '../as-at/as-at.service';
import { ActionConnectionModel } from './models/action-connection.model';
import { ActionModel } from './models/action.model';
import { EvidenceModel, toEvidenceModel } from './models/evidence.model';
import { MilestoneModel } from './models/milestone.model';
import { TimelineEntryModel, toTimelineEntryModels } from './models/timeline-entry.model';

@Resolver(() => ActionModel)
export class ActionsResolver {
  constructor(
    private readonly reader: ActionReadService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly asAt: AsAtService,
  ) {}

  @Query(() => ActionModel, {
    description: 'One action, by id or by plan and reference (planId: "demo-plan", ref: "8.2"), live or as it was at an instant or board meeting; NOT_FOUND if there is no such action.',
    complexity: asAtComplexity(),
  })
  @ExpensiveRead(readsThePast)
  async action(@Args() args: ActionArgs, @CurrentPrincipal() principal: Principal): Promise<ActionModel> {
    const { row, plan } = await this.reader.visibleActionBy(actionLookupOf(args), principal);
    const asAt = await this.asAt.instant(args, principal, plan.planId);
    const knownAt = this.asAt.knownAt(args, asAt);
    if (asAt === undefined) return this.reader.modelOf(row, plan);
    const view = await this.asAt.planView(plan.planId, asAt, knownAt);
    const action = view.actions.find((a) => a.actionId === row.actionId);
    if (!action) throw new NotFoundError('existedAsAt', `Action ${row.ref} had not been added yet as at ${asAt}`);
    return this.reader.fromView(action, view);
  }

  @Query(() => ActionConnectionModel, {
    description: "A plan's actions in reference order, filtered, one page at a time.",
    complexity: asAtComplexity(pageComplexity),
  })
  @ExpensiveRead(readsThePast)
  async actions(@Args() args: ActionsQueryArgs, @CurrentPrincipal() principal: Principal): Promise<ActionConnectionModel> {
    const plan = await this.reader.plan(args.planId, principal);
    return this.reader.page(await this.asAt.scope(plan, args, principal), toActionFilter(args.filter), args.first, args.after);
  }

  @ResolveField(() => [MilestoneModel], { complexity: listComplexity(5) })
  async milestones(@Parent() action: ActionModel): Promise<MilestoneModel[]> {
    if (action.view && action.asAt) return milestoneModels(action.view.milestones, londonDateOf(action.asAt));
    const rows = await this.dataSource
      .getRepository(MilestoneEntity)
      .find({ where: { actionId: action.id }, order: { addedAtRevision: 'ASC', milestoneId: 'ASC' } });
    return milestoneModels(rows, this.clock.today());
  }

  @ResolveField(() => [EvidenceModel], { complexity: listComplexity(5) })
  async evidence(@Parent() action: ActionModel): Promise<EvidenceModel[]> {
    const rows = action.view
      ? action.view.evidence
      : await this.dataSource.getRepository(EvidenceEntity).find({ where: { actionId: action.id }, order: { attachedAtRevision: 'ASC' } });
    return rows.map(toEvidenceModel);
  }

  @ResolveField(() => [TimelineEntryModel], {
    description: 'Every event in the action’s history, oldest first.',
    complexity: listComplexity(20),
  })
  async timeline(@Parent() action: ActionModel): Promise<TimelineEntryModel[]> {
    if (action.view) return toTimelineEntryModels(action.view.timeline);
    const rows = await this.dataSource
      .getRepository(TimelineEntryEntity)
      .find({ where: { actionId: action.id }, order: { position: 'ASC' } });
    return toTimelineEntryModels(rows);
  }
}

function milestoneModels(rows: { milestoneId: string; title: string; dueDate: string; completedOn: string | null }[], today: string): MilestoneModel[] {
  return rows.map((m) => ({
    id: m.milestoneId,
    title: m.title,
    dueDate: m.dueDate,
    completedOn: m.completedOn,
    overdue: m.completedOn === null && m.dueDate < today,
  }));
}
