import { Args, Query, Resolver } from '@nestjs/graphql';
import { Principal } from '@send/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { OwnersArgs } from './dto/owners.args';
import { listComplexity } from '../hardening/list-complexity';
import { ExpensiveRead } from '../hardening/expensive-read.guard';
import { asAtComplexity, readsThePast } from '../hardening/history-complexity';
import { OwnerWorkloadModel } from './models/owner.model';
import { PlanReaders } from '../reading/plan-readers.service';

@Resolver(() => OwnerWorkloadModel)
export class OwnersResolver {
  constructor(private readonly readers: PlanReaders) {}

  @Query(() => [OwnerWorkloadModel], {
    description: "A plan's owners with their workload: open, overdue and stale actions.",
    complexity: asAtComplexity(listComplexity(20)),
  })
  @ExpensiveRead(readsThePast)
  async owners(@Args() args: OwnersArgs, @CurrentPrincipal() principal: Principal): Promise<OwnerWorkloadModel[]> {
    return (await this.readers.forPlan(args.planId, args, principal)).owners();
  }
}
