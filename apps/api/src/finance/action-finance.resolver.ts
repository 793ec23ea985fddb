import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Principal } from '@send/domain';
import { ActionModel } from '../actions/models/action.model';
import { AsAtService } from '../as-at/as-at.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { asAtComplexity } from '../hardening/history-complexity';
import { listComplexity } from '../hardening/list-complexity';
import { ActionReadService } from '../reading/action-read.service';
import { ActionFinanceReadService } from './action-finance-read.service';
import { PlanFinanceArgs } from './dto/plan-finance.args';
import { ActionFinanceModel } from './models/action-finance.model';
import { PlanFinanceModel } from './models/plan-finance.model';

/** An action's money, read as the action is: live, or as recorded by the instant it was asked at. */
@Resolver(() => ActionModel)
export class ActionFinanceFieldResolver {
  constructor(private readonly reader: ActionFinanceReadService) {}

  @ResolveField(() => ActionFinanceModel, {
    nullable: true,
    description: "The action's money: planned cost, expected savings, funding source, spend to date and savings evidenced, with every figure's history. Null until its funding is set.",
    complexity: listComplexity(3),
  })
  finance(@Parent() action: ActionModel): Promise<ActionFinanceModel | null> {
    return this.reader.forAction(action.planId, { id: action.id, ref: action.ref, title: action.title, areaNumber: action.areaNumber }, action.asAt);
  }
}

/** The plan's money on actions and priorities: read by everyone with a role in the plan's area, the DfE adviser included. */
@Resolver(() => PlanFinanceModel)
export class PlanFinanceResolver {
  constructor(
    private readonly reader: ActionFinanceReadService,
    private readonly plans: ActionReadService,
    private readonly asAt: AsAtService,
  ) {}

  @Query(() => PlanFinanceModel, {
    description:
      "Money on the plan's actions, rolled up by recovery priority (against each year's savings target) and by area. With recordedBy or asAtMeeting, as it had been recorded then (figures have no corrections, so knownAt changes nothing), folded from the plan's funding stream.",
    complexity: asAtComplexity(listComplexity(20)),
  })
  async planFinance(@Args() args: PlanFinanceArgs, @CurrentPrincipal() principal: Principal): Promise<PlanFinanceModel> {
    await this.plans.plan(args.planId, principal);
    const instant = await this.asAt.instant(args, principal, args.planId);
    this.asAt.knownAt(args, instant);
    if (instant !== undefined) await this.asAt.requirePlanExistedAt(args.planId, instant);
    return this.reader.forPlan(args.planId, instant);
  }
}
