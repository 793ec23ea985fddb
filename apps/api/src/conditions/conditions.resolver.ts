import { Args, Query, Resolver } from '@nestjs/graphql';
import { Principal } from '@send/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ActionReadService } from '../reading/action-read.service';
import { HistoricArgs } from '../as-at/dto/as-at.args';
import { AsAtService } from '../as-at/as-at.service';
import { asAtComplexity } from '../hardening/history-complexity';
import { listComplexity } from '../hardening/list-complexity';
import { ConditionReadService, RegisterInstant } from './condition-read.service';
import { ConditionArgs, ConditionsArgs } from './dto/condition.args';
import { ConditionModel } from './models/condition.model';

/** The statutory direction's conditions register: each condition, its status each quarter and the board's approval. */
@Resolver(() => ConditionModel)
export class ConditionsResolver {
  constructor(
    private readonly reader: ConditionReadService,
    private readonly plans: ActionReadService,
    private readonly asAt: AsAtService,
  ) {}

  // Two folds into the past: the conditions' streams, and the plan's for the linked actions as they stood.
  @Query(() => [ConditionModel], {
    description: "A plan's conditions in reference order (C2 before C10). With recordedBy or asAtMeeting, the register as it stood then; knownAt applies later corrections to the linked actions.",
    complexity: asAtComplexity(listComplexity(10), 2),
  })
  async conditions(@Args() args: ConditionsArgs, @CurrentPrincipal() principal: Principal): Promise<ConditionModel[]> {
    return this.reader.forPlan(args.planId, await this.instant(args.planId, args, principal));
  }

  @Query(() => ConditionModel, { description: 'One condition, by its plan and reference (C2); as it stood at recordedBy or asAtMeeting when given.', complexity: asAtComplexity(undefined, 2) })
  async condition(@Args() args: ConditionArgs, @CurrentPrincipal() principal: Principal): Promise<ConditionModel> {
    return this.reader.byRef(args.planId, args.ref, await this.instant(args.planId, args, principal));
  }

  /** The instant asked for (undefined: now), after checking the person may see the plan and that it existed then. */
  private async instant(planId: string, when: HistoricArgs, principal: Principal): Promise<RegisterInstant | undefined> {
    await this.plans.plan(planId, principal);
    const asAt = await this.asAt.instant(when, principal, planId);
    const knownAt = this.asAt.knownAt(when, asAt);
    if (asAt === undefined) return undefined;
    await this.asAt.requirePlanExistedAt(planId, asAt);
    return { asAt, knownAt };
  }
}
