import { Args, Query, Resolver } from '@nestjs/graphql';
import { authorizeHistoryVerification, Principal } from '@send/domain';
import { ActionReadService } from '../reading/action-read.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ExpensiveRead } from '../hardening/expensive-read.guard';
import { wholeHistoryComplexity } from '../hardening/history-complexity';
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
      "Recomputes the event store's hash chains and names the first edited, missing or reordered event. DfE adviser, board and plan administrators. The first check after the server starts, and a full one, read the whole store (seconds for a large one); later ones hash only the events appended since.",
    complexity: wholeHistoryComplexity,
  })
  @ExpensiveRead()
  async verifyHistory(@Args() args: VerifyHistoryArgs, @CurrentPrincipal() principal: Principal): Promise<HistoryVerificationModel> {
    const plan = await this.reader.plan(args.planId, principal);
    authorizeHistoryVerification(principal, plan.localAreaId);
    const heads = (args.heads ?? []).map((head) => ({ position: BigInt(head.position), hash: head.hash.toLowerCase() }));
    return this.history.verify(plan, heads, args.full);
  }
}
