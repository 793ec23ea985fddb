import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { canSeeArea, escalationReasons, PlanNotFoundError, Principal, riskBand, RiskNotFoundError, RiskStatus } from '@send/domain';
import { MitigationEntity, PlanEntity, RiskEntity, RiskScoreEntity } from '@send/read-models';
import { MitigationModel, RiskModel, RiskRatingModel, RiskScoreModel } from './models/risk.model';

const rating = (likelihood: number, impact: number): RiskRatingModel => ({ likelihood, impact, score: likelihood * impact, band: riskBand(likelihood * impact) });

const owner = (row: { ownerId: string; ownerName: string; ownerRole: string; ownerOrganisation: string }) => ({
  id: row.ownerId,
  name: row.ownerName,
  role: row.ownerRole,
  organisation: row.ownerOrganisation,
});

export function toRiskModel(row: RiskEntity): RiskModel {
  return {
    id: row.riskId,
    planId: row.planId,
    ref: row.ref,
    title: row.title,
    description: row.description,
    cause: row.cause,
    consequence: row.consequence,
    owner: owner(row),
    areaNumbers: row.areaNumbers,
    priorityNumbers: row.priorityNumbers,
    actionIds: row.actionIds,
    inherent: rating(row.inherentLikelihood, row.inherentImpact),
    current: rating(row.currentLikelihood, row.currentImpact),
    previousScore: row.previousScore,
    currentAsAt: row.currentAsAt,
    target: { ...rating(row.targetLikelihood, row.targetImpact), byDate: row.targetByDate },
    reviewDate: row.reviewDate,
    status: row.status,
    outcome: row.outcome,
    escalation: escalationReasons({ status: row.status, score: row.currentScore, previousScore: row.previousScore }),
    raisedAt: row.raisedAt,
    revision: row.revision,
  };
}

/** The register as the read database holds it now; every read first checks the person may see the plan's area. */
@Injectable()
export class RiskReadService {
  constructor(private readonly dataSource: DataSource) {}

  /** A plan in one of the person's areas; any other is "not found", as if it did not exist. */
  async visiblePlan(planId: string, principal: Principal): Promise<PlanEntity> {
    const plan = await this.dataSource.getRepository(PlanEntity).findOneBy({ planId });
    if (!plan || !canSeeArea(principal, plan.localAreaId)) throw new PlanNotFoundError(planId);
    return plan;
  }

  /** The plan's risks in reference order (R2 before R10), open ones only unless statuses are named. */
  async forPlan(planId: string, principal: Principal, statuses: RiskStatus[] = ['OPEN']): Promise<RiskModel[]> {
    await this.visiblePlan(planId, principal);
    const rows = await this.dataSource.getRepository(RiskEntity).find({ where: { planId, status: In(statuses) }, order: { refNumber: 'ASC' } });
    return rows.map(toRiskModel);
  }

  async byRef(planId: string, ref: string, principal: Principal): Promise<RiskModel> {
    await this.visiblePlan(planId, principal);
    const row = await this.dataSource.getRepository(RiskEntity).findOneBy({ planId, ref: ref.trim() });
    if (!row) throw new RiskNotFoundError(`${ref} in plan ${planId}`);
    return toRiskModel(row);
  }

  async byId(riskId: string, principal: Principal): Promise<RiskModel> {
    const row = await this.dataSource.getRepository(RiskEntity).findOneBy({ riskId });
    const plan = row ? await this.dataSource.getRepository(PlanEntity).findOneBy({ planId: row.planId }) : null;
    if (!row || !plan || !canSeeArea(principal, plan.localAreaId)) throw new RiskNotFoundError(riskId);
    return toRiskModel(row);
  }

  /** Scores and mitigations are read only for risks the caller has already been shown. */
  async scores(riskId: string): Promise<RiskScoreModel[]> {
    const rows = await this.dataSource.getRepository(RiskScoreEntity).find({ where: { riskId }, order: { revision: 'ASC' } });
    return rows.map((r) => ({ rating: rating(r.likelihood, r.impact), asAt: r.asAt, commentary: r.commentary, recordedAt: r.occurredAt, revision: r.revision }));
  }

  async mitigations(riskId: string): Promise<MitigationModel[]> {
    const rows = await this.dataSource.getRepository(MitigationEntity).find({ where: { riskId }, order: { dueDate: 'ASC', mitigationId: 'ASC' } });
    return rows.map((m) => ({ id: m.mitigationId, description: m.description, owner: owner(m), dueDate: m.dueDate, status: m.status, lastCommentary: m.lastCommentary }));
  }
}
