import { Inject, Injectable } from '@nestjs/common';
import { DataSource, FindOptionsWhere, In } from 'typeorm';
import { canSeeArea, ChallengeNotFoundError, ChallengeStatus, Principal } from '@send/domain';
import { UpcastingEventStore } from '@send/event-store';
import { ChallengeEntity, ChallengeHistory, ChallengeMessageEntity, PlanEntity, readModelChallengeIndex } from '@send/read-models';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
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

/** The plan's threads as the read database holds them, or folded from their events to an earlier instant. */
@Injectable()
export class ChallengeReadService {
  private readonly history: ChallengeHistory;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) store: UpcastingEventStore,
  ) {
    this.history = new ChallengeHistory(readModelChallengeIndex(dataSource), store);
  }

  /** The plan's threads in these statuses as they stood at an instant, oldest raised first; the caller has checked the plan. */
  async forPlanAt(planId: string, statuses: ChallengeStatus[], instant: string, subjectId?: string): Promise<ChallengeModel[]> {
    const [threads] = await this.history.threadsAt(planId, [instant]);
    return threads.challenges
      .filter((c) => statuses.includes(c.status) && (subjectId === undefined || c.subjectId === subjectId))
      .map((row) => ({ ...toModel(row), shownAsAt: instant }));
  }

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
  async messages(challengeId: string, asAt?: string): Promise<ChallengeMessageModel[]> {
    const rows = await this.dataSource.getRepository(ChallengeMessageEntity).find({ where: { challengeId }, order: { revision: 'ASC' } });
    // A turn is in the thread as at an instant when it had occurred by then, as the fold has it.
    return rows.filter((m) => asAt === undefined || m.occurredAt <= asAt).map((m) => ({ kind: m.kind, text: m.text, byName: m.actorName, byRole: m.actorRole, at: m.occurredAt }));
  }
}
