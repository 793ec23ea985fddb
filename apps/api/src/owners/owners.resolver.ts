import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Principal } from '@send/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ActionReadService } from '../actions/action-read.service';
import { listComplexity } from '../hardening/list-complexity';
import { OwnerWorkloadModel } from './models/owner.model';
import { OwnerWorkloadService } from './owner-workload.service';

@Resolver(() => OwnerWorkloadModel)
export class OwnersResolver {
  constructor(
    private readonly workloads: OwnerWorkloadService,
    private readonly reader: ActionReadService,
  ) {}

  @Query(() => [OwnerWorkloadModel], {
    description: "A plan's owners with their workload: open, overdue and stale actions.",
    complexity: listComplexity(20),
  })
  async owners(
    @Args('planId', { type: () => ID }) planId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OwnerWorkloadModel[]> {
    const plan = await this.reader.plan(planId, principal);
    return this.workloads.forPlan(plan);
  }
}
