import { Args, Query, Resolver } from '@nestjs/graphql';
import { HighNeedsPositionNotStartedError, Principal } from '@send/domain';
import { ActionReadService } from '../reading/action-read.service';
import { AsAtService } from '../as-at/as-at.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { asAtComplexity } from '../hardening/history-complexity';
import { listComplexity } from '../hardening/list-complexity';
import { HighNeedsPositionArgs } from './dto/high-needs.args';
import { HighNeedsPositionModel } from './models/high-needs.model';
import { HighNeedsReadService } from './high-needs-read.service';

/** The High Needs Block position: read by everyone with a role in the plan's area, the DfE adviser included. */
@Resolver(() => HighNeedsPositionModel)
export class HighNeedsResolver {
  constructor(
    private readonly reader: HighNeedsReadService,
    private readonly plans: ActionReadService,
    private readonly asAt: AsAtService,
  ) {}

  @Query(() => HighNeedsPositionModel, {
    description:
      "The plan's High Needs Block position; NOT_FOUND (highNeedsPositionExists) until started, or at an instant before it was. With recordedBy or asAtMeeting, as it stood then: what the board was told at that meeting (forecasts have no corrections, so knownAt changes nothing), folded from the position's stream.",
    complexity: asAtComplexity(listComplexity(20)),
  })
  async highNeedsPosition(@Args() args: HighNeedsPositionArgs, @CurrentPrincipal() principal: Principal): Promise<HighNeedsPositionModel> {
    await this.plans.plan(args.planId, principal);
    const instant = await this.asAt.instant(args, principal, args.planId);
    this.asAt.knownAt(args, instant);
    if (instant !== undefined) await this.asAt.requirePlanExistedAt(args.planId, instant);
    const position = await this.reader.position(args.planId, instant);
    if (!position) throw new HighNeedsPositionNotStartedError(args.planId);
    return position;
  }
}
