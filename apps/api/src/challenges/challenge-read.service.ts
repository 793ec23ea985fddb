import { Injectable } from '@nestjs/common';
import { DataSource, FindOptionsWhere, In } from 'typeorm';
import { canSeeArea, ChallengeNotFoundError, ChallengeStatus, Principal } from '@send/domain';
import { ChallengeEntity, ChallengeMessageEntity, PlanEntity } from '@send/read-models';
import { ChallengeMessageModel, ChallengeModel } from './models/challenge.model';

const toModel = (row: ChallengeEntity): ChallengeModel => ({
  id: row.challengeId,
  planId: row.planId,
  subjectKind: row.subjectKind,
  subjectId: row.subjectId,
  subjectRef: row.subjectRef,
  status: row.status,
  raisedBy: row.raisedBy,
  raisedAt: row.raisedAt,
  lastChangedAt: row.lastChangedAt,
  revision: row.revision,
});

/** The plan's threads as the read database holds them. */
@Injectable()
export class ChallengeReadService {
  constructor(private readonly dataSource: DataSource) {}

  /** The caller has already checked the person may see the plan. */
  async forPlan(planId: string, statuses: ChallengeStatus[], subjectId?: string): Promise<ChallengeModel[]> {
    const where: FindOptionsWhere<ChallengeEntity> = { planId, status: In(statuses), ...(subjectId ? { subjectId } : {}) };
    const rows = await this.dataSource.getRepository(ChallengeEntity).find({ where, order: { raisedAt: 'ASC', challengeId: 'ASC' } });
    return rows.map(toModel);
  }

  async byId(challengeId: string, principal: Principal): Promise<ChallengeModel> {
    const row = await this.dataSource.getRepository(ChallengeEntity).findOneBy({ challengeId });
    const plan = row ? await this.dataSource.getRepository(PlanEntity).findOneBy({ planId: row.planId }) : null;
    if (!row || !plan || !canSeeArea(principal, plan.localAreaId)) throw new ChallengeNotFoundError(challengeId);
    return toModel(row);
  }

  /** Only for a thread the caller has already been shown. */
  async messages(challengeId: string): Promise<ChallengeMessageModel[]> {
    const rows = await this.dataSource.getRepository(ChallengeMessageEntity).find({ where: { challengeId }, order: { revision: 'ASC' } });
    return rows.map((m) => ({ kind: m.kind, text: m.text, byName: m.actorName, byRole: m.actorRole, at: m.occurredAt }));
  }
}
