import { Args, Query, Resolver } from '@nestjs/graphql';
import { authorizeHistoryVerification, Principal } from '@send/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { listComplexity } from '../hardening/list-complexity';
import { ActionReadService } from '../reading/action-read.service';
import { ChainHeadMailReadService, MOST_CHAIN_HEAD_MAILS } from './chain-head-mail-read.service';
import { ChainHeadMailsArgs } from './dto/chain-head-mails.args';
import { ChainHeadMailModel } from './models/chain-head-mail.model';

/**
 * Which heads went to whom, for those who would check them: the DfE adviser, the board and the
 * programme office of the plan's area (whoever may have the history verified). Current state, as
 * the ledger records it; no time argument, since the mails themselves are the record of then.
 */
@Resolver()
export class ChainHeadMailsResolver {
  constructor(
    private readonly reader: ActionReadService,
    private readonly mails: ChainHeadMailReadService,
  ) {}

  @Query(() => [ChainHeadMailModel], {
    description: `The chain head mails for a plan's area (weekly) and for its meetings and returns, newest first, at most ${MOST_CHAIN_HEAD_MAILS}. The DfE adviser, board and plan administrators.`,
    complexity: listComplexity(MOST_CHAIN_HEAD_MAILS),
  })
  async chainHeadMails(@Args() args: ChainHeadMailsArgs, @CurrentPrincipal() principal: Principal): Promise<ChainHeadMailModel[]> {
    const plan = await this.reader.plan(args.planId, principal);
    authorizeHistoryVerification(principal, plan.localAreaId);
    return this.mails.forPlan(plan.planId, plan.localAreaId);
  }
}
