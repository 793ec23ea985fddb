import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Principal } from '@send/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { listComplexity } from '../hardening/list-complexity';
import { RiskStatusName } from './models/risk-enums';
import { MitigationModel, RiskModel, RiskScoreModel } from './models/risk.model';
import { RiskReadService } from './risk-read.service';

/** The plan's risk register: what could go wrong, how likely and how bad, and what is being done. */
@Resolver(() => RiskModel)
export class RisksResolver {
  constructor(private readonly reader: RiskReadService) {}

  @Query(() => [RiskModel], { description: "A plan's risks in reference order; open ones unless `statuses` says otherwise.", complexity: listComplexity(20) })
  risks(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('statuses', { type: () => [RiskStatusName], defaultValue: ['OPEN'] }) statuses: RiskStatusName[],
    @CurrentPrincipal() principal: Principal,
  ): Promise<RiskModel[]> {
    return this.reader.forPlan(planId, principal, statuses);
  }

  @Query(() => RiskModel, { description: 'One risk, by its plan and reference (R3).' })
  risk(@Args('planId', { type: () => ID }) planId: string, @Args('ref') ref: string, @CurrentPrincipal() principal: Principal): Promise<RiskModel> {
    return this.reader.byRef(planId, ref, principal);
  }

  @ResolveField(() => [RiskScoreModel], { description: 'Every score the risk has had, oldest first, each with its commentary.', complexity: listComplexity(10) })
  scores(@Parent() risk: RiskModel): Promise<RiskScoreModel[]> {
    return this.reader.scores(risk.id);
  }

  @ResolveField(() => [MitigationModel], { description: 'What is being done about it, soonest due first.', complexity: listComplexity(5) })
  mitigations(@Parent() risk: RiskModel): Promise<MitigationModel[]> {
    return this.reader.mitigations(risk.id);
  }
}
