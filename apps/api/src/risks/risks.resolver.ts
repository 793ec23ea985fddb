import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Principal } from '@send/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ActionReadService } from '../reading/action-read.service';
import { AsAtArgs } from '../as-at/dto/as-at.args';
import { AsAtService } from '../as-at/as-at.service';
import { asAtComplexity } from '../hardening/history-complexity';
import { listComplexity } from '../hardening/list-complexity';
import { RiskArgs, RisksArgs } from './dto/risk.args';
import { MitigationModel, RiskModel, RiskOwnerChangeModel, RiskScoreModel } from './models/risk.model';
import { RiskReadService } from './risk-read.service';

/** The plan's risk register: what could go wrong, how likely and how bad, and what is being done. */
@Resolver(() => RiskModel)
export class RisksResolver {
  constructor(
    private readonly reader: RiskReadService,
    private readonly plans: ActionReadService,
    private readonly asAt: AsAtService,
  ) {}

  @Query(() => [RiskModel], {
    description:
      "A plan's risks in reference order; open ones unless `statuses` says otherwise. With recordedBy or asAtMeeting, the register as it stood then, folded from its events (risks have no corrections, so knownAt changes nothing).",
    complexity: asAtComplexity(listComplexity(20)),
  })
  async risks(@Args() args: RisksArgs, @CurrentPrincipal() principal: Principal): Promise<RiskModel[]> {
    return this.reader.forPlan(args.planId, args.statuses, await this.instant(args.planId, args, principal));
  }

  @Query(() => RiskModel, { description: 'One risk, by its plan and reference (R3); as it stood at recordedBy or asAtMeeting when given.', complexity: asAtComplexity() })
  async risk(@Args() args: RiskArgs, @CurrentPrincipal() principal: Principal): Promise<RiskModel> {
    return this.reader.byRef(args.planId, args.ref, await this.instant(args.planId, args, principal));
  }

  /**
   * The instant asked for (undefined: now), after checking the person may see the plan and, for
   * an instant, that the plan existed then; knownAt is checked as everywhere else.
   */
  private async instant(planId: string, when: AsAtArgs, principal: Principal): Promise<string | undefined> {
    await this.plans.plan(planId, principal);
    const instant = await this.asAt.instant(when, principal, planId);
    this.asAt.knownAt(when, instant);
    if (instant !== undefined) await this.asAt.requirePlanExistedAt(planId, instant);
    return instant;
  }

  @ResolveField(() => [RiskScoreModel], { description: 'Every score the risk has had, oldest first, each with its commentary.', complexity: listComplexity(10) })
  scores(@Parent() risk: RiskModel): Promise<RiskScoreModel[]> {
    return risk.reader.scores(risk.id);
  }

  @ResolveField(() => [RiskOwnerChangeModel], { description: 'Each time the risk passed to another owner, oldest first, with the reason.', complexity: listComplexity(3) })
  ownerChanges(@Parent() risk: RiskModel): Promise<RiskOwnerChangeModel[]> {
    return risk.reader.ownerChanges(risk.id);
  }

  @ResolveField(() => [MitigationModel], { description: 'What is being done about it, soonest due first.', complexity: listComplexity(5) })
  mitigations(@Parent() risk: RiskModel): Promise<MitigationModel[]> {
    return risk.reader.mitigations(risk.id);
  }
}
