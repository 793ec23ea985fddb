import { Args, Query, Resolver } from '@nestjs/graphql';
import { DataSource, IsNull } from 'typeorm';
import { authorizeHistoryVerification, Principal } from '@send/domain';
import { ChainHeadMailEntity } from '@send/read-models';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { listComplexity } from '../hardening/list-complexity';
import { ActionReadService } from '../reading/action-read.service';
import { ChainHeadMailsArgs } from './dto/chain-head-mails.args';
import { ChainHeadMailModel } from './models/chain-head-mail.model';

/** A year of weekly mails and a plan's meetings and returns: the most one answer lists. */
const MOST = 80;

/**
 * Which heads went to whom, for those who would check them: the DfE adviser, the board and the
 * programme office of the plan's area (whoever may have the history verified). Current state, as
 * the ledger records it; no time argument, since the mails themselves are the record of then.
 */
@Resolver()
export class ChainHeadMailsResolver {
  constructor(
    private readonly reader: ActionReadService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => [ChainHeadMailModel], {
    description: `The chain head mails for a plan's area (weekly) and for its meetings and returns, newest first, at most ${MOST}. The DfE adviser, board and plan administrators.`,
    complexity: listComplexity(MOST),
  })
  async chainHeadMails(@Args() args: ChainHeadMailsArgs, @CurrentPrincipal() principal: Principal): Promise<ChainHeadMailModel[]> {
    const plan = await this.reader.plan(args.planId, principal);
    authorizeHistoryVerification(principal, plan.localAreaId);
    const rows = await this.dataSource.getRepository(ChainHeadMailEntity).find({
      where: [{ localAreaId: plan.localAreaId, planId: IsNull() }, { planId: plan.planId }],
      order: { claimedAt: 'DESC', key: 'ASC' },
      take: MOST,
    });
    return rows.map(({ headPosition, headHash, ...row }) => ({ ...row, head: { position: headPosition, hash: headHash } }));
  }
}
