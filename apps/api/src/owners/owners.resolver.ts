import { Args, Query, Resolver } from '@nestjs/graphql';
import { Principal } from '@send/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ActionReadService } from '../actions/action-read.service';
import { AsAtService } from '../as-at/as-at.service';
import { OwnersArgs } from './dto/owners.args';
import { listComplexity } from '../hardening/list-complexity';
import { ExpensiveRead } from '../hardening/expensive-read.guard';
import { asAtComplexity, readsThePast } from '../hardening/history-complexity';
import { OwnerWorkloadModel } from './models/owner.model';
import { OwnerWorkloadService } from './owner-workload.service';

@Resolver(() => OwnerWorkloadModel)
export class OwnersResolver {
  constructor(
    private readonly workloads: OwnerWorkloadService,
    private readonly reader: ActionReadService,
    private readonly asAt: AsAtService,
  ) {}

  @Query(() => [OwnerWorkloadModel], {
    description: "A plan's owners with their workload: open, overdue and stale actions.",
    complexity: asAtComplexity(listComplexity(20)),
  })
  @ExpensiveRead(readsThePast)
  async owners(@Args() args: OwnersArgs, @CurrentPrincipal() principal: Principal): Promise<OwnerWorkloadModel[]> {
    const plan = await this.reader.plan(args.planId, principal);
    return this.workloads.forPlan(await this.asAt.scope(plan, args, principal));
  }
}
