import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { OwnerWorkloadModel } from './models/owner.model';
import { OwnerWorkloadService } from './owner-workload.service';

@Resolver(() => OwnerWorkloadModel)
export class OwnersResolver {
  constructor(private readonly workloads: OwnerWorkloadService) {}

  @Query(() => [OwnerWorkloadModel], { description: "A plan's owners with their workload: open, overdue and stale actions." })
  owners(@Args('planId', { type: () => ID }) planId: string): Promise<OwnerWorkloadModel[]> {
    return this.workloads.forPlan(planId);
  }
}
