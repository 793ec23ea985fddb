import { Args, Query, Resolver } from '@nestjs/graphql';
import { authorizeHistoryVerification, Principal } from '@send/domain';
import { ActionReadService } from '../actions/action-read.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { VerifyHistoryArgs } from './dto/verify-history.args';
import { HistoryVerificationService } from './history-verification.service';
import { HistoryVerificationModel } from './models/history-verification.model';

@Resolver()
export class HistoryResolver {
  constructor(
    private readonly reader: ActionReadService,
    private readonly history: HistoryVerificationService,
  ) {}

  @Query(() => HistoryVerificationModel, {
    description:
      "Recomputes the event store's hash chains and names the first edited, missing or reordered event. DfE adviser, board and plan administrators. Reads the whole store: seconds for a large one.",
  })
  async verifyHistory(@Args() args: VerifyHistoryArgs, @CurrentPrincipal() principal: Principal): Promise<HistoryVerificationModel> {
    const plan = await this.reader.plan(args.planId, principal);
    authorizeHistoryVerification(principal, plan.localAreaId);
    return this.history.verify(plan, (args.heads ?? []).map((head) => ({ position: BigInt(head.position), hash: head.hash.toLowerCase() })));
  }
}
