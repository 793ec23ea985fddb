import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { ChainHeadMailEntity } from '@send/read-models';
import { ChainHeadMailModel } from './models/chain-head-mail.model';

/** A year of weekly mails and a plan's meetings and returns: the most one answer lists. */
export const MOST_CHAIN_HEAD_MAILS = 80;

/** The ledger's rows (not a plan read: the mails are the tracker's own record, kept as they were sent). */
@Injectable()
export class ChainHeadMailReadService {
  constructor(private readonly dataSource: DataSource) {}

  /** The area's weekly mails and the plan's own, newest first; callers check access first. */
  async forPlan(planId: string, localAreaId: string): Promise<ChainHeadMailModel[]> {
    const rows = await this.dataSource.getRepository(ChainHeadMailEntity).find({
      where: [{ localAreaId, planId: IsNull() }, { planId }],
      order: { claimedAt: 'DESC', key: 'ASC' },
      take: MOST_CHAIN_HEAD_MAILS,
    });
    return rows.map(({ headPosition, headHash, ...row }) => ({ ...row, head: { position: headPosition, hash: headHash } }));
  }
}
