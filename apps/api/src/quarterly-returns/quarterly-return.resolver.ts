import { Args, Query, Resolver } from '@nestjs/graphql';
import { Principal } from '@send/domain';
import { AsAtService } from '../as-at/as-at.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { asAtComplexity } from '../hardening/history-complexity';
import { ActionReadService } from '../reading/action-read.service';
import { QuarterlyReturnArgs } from './dto/quarterly-return.args';
import { QuarterlyReturnModel } from './models/quarterly-return.model';
import { QuarterlyReturnReadService } from './quarterly-return-read.service';

/** The quarterly return: read by everyone with a role in the plan's area, the board and the DfE adviser included. */
@Resolver(() => QuarterlyReturnModel)
export class QuarterlyReturnResolver {
  constructor(
    private readonly reader: QuarterlyReturnReadService,
    private readonly plans: ActionReadService,
    private readonly asAt: AsAtService,
  ) {}

  @Query(() => QuarterlyReturnModel, {
    description:
      "A quarter's return: its executive summary (every version), submission and sign-off; NOT_STARTED before anything is written. With recordedBy or asAtMeeting, as it stood then (a return has no corrections of other records, so knownAt changes nothing).",
    complexity: asAtComplexity(),
  })
  async quarterlyReturn(@Args() args: QuarterlyReturnArgs, @CurrentPrincipal() principal: Principal): Promise<QuarterlyReturnModel> {
    await this.plans.plan(args.planId, principal);
    const instant = await this.asAt.instant(args, principal, args.planId);
    this.asAt.knownAt(args, instant);
    if (instant !== undefined) await this.asAt.requirePlanExistedAt(args.planId, instant);
    return this.reader.read(args.planId, args.quarter, instant);
  }
}
