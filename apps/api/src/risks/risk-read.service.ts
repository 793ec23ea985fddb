import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { canSeeArea, DEFAULT_ESCALATION_SCORE, escalationReasons, Principal, RiskNotFoundError, RiskStatus, ukDateTime } from '@send/domain';
import { UpcastingEventStore } from '@send/event-store';
import { MitigationEntity, PlanEntity, readModelRenamedOwners, readModelRiskIndex, RiskEntity, RiskHistory, riskMovementBetween, RiskScoreEntity } from '@send/read-models';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { MitigationModel, RiskModel, RiskOwnerChangeModel, RiskScoreModel } from './models/risk.model';
import { RiskMovementModel } from './models/risk-movement.model';
import { HistoricRiskReader, mitigationModels, ownerChangesOf, ownerModel, ratingModel, RiskReader, scoreModels } from './risk-reader';

/** A risk row as the API shows it, escalated against its plan's threshold at the instant shown. */
export function toRiskModel(row: RiskEntity, reader: RiskReader, escalationScore: number): RiskModel {
  return {
    id: row.riskId,
    planId: row.planId,
    ref: row.ref,
    title: row.title,
    description: row.description,
    cause: row.cause,
    consequence: row.consequence,
    owner: ownerModel(row),
    areaNumbers: row.areaNumbers,
    priorityNumbers: row.priorityNumbers,
    actionIds: row.actionIds,
    inherent: ratingModel(row.inherentLikelihood, row.inherentImpact),
    current: ratingModel(row.currentLikelihood, row.currentImpact),
    previousScore: row.previousScore,
    currentAsAt: row.currentAsAt,
    target: { ...ratingModel(row.targetLikelihood, row.targetImpact), byDate: row.targetByDate },
    reviewDate: row.reviewDate,
    status: row.status,
    outcome: row.outcome,
    escalation: escalationReasons({ status: row.status, score: row.currentScore, previousScore: row.previousScore }, escalationScore),
    raisedAt: row.raisedAt,
    revision: row.revision,
    reader,
  };
}

/**
 * The register, as it stands (the read database) or as it stood at an instant (its risks' events
 * folded), for a plan the caller has already checked the person may see (and, for an instant,
 * that it existed then). It is also the live reader of a risk's scores and mitigations.
 */
@Injectable()
export class RiskReadService implements RiskReader {
  private readonly history: RiskHistory;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: UpcastingEventStore,
  ) {
    this.history = new RiskHistory(readModelRiskIndex(dataSource), store, readModelRenamedOwners(dataSource));
  }

  /** The plan's risks in reference order (R2 before R10), open ones only unless statuses are named; as at `instant` when given. */
  async forPlan(planId: string, statuses: RiskStatus[], instant?: string): Promise<RiskModel[]> {
    if (instant !== undefined) {
      const { rows, reader, escalationScore } = await this.registerAt(planId, instant);
      return rows.filter((r) => statuses.includes(r.status)).map((r) => toRiskModel(r, reader, escalationScore));
    }
    const [rows, escalationScore] = await Promise.all([
      this.dataSource.getRepository(RiskEntity).find({ where: { planId, status: In(statuses) }, order: { refNumber: 'ASC' } }),
      this.escalationScore(planId),
    ]);
    return rows.map((r) => toRiskModel(r, this, escalationScore));
  }

  async byRef(planId: string, ref: string, instant?: string): Promise<RiskModel> {
    const notFound = () => new RiskNotFoundError(`${ref} in plan ${planId}${instant ? ` as at ${ukDateTime(instant)}` : ''}`);
    if (instant !== undefined) {
      const { rows, reader, escalationScore } = await this.registerAt(planId, instant);
      const row = rows.find((r) => r.ref === ref.trim());
      if (!row) throw notFound();
      return toRiskModel(row, reader, escalationScore);
    }
    const row = await this.dataSource.getRepository(RiskEntity).findOneBy({ planId, ref: ref.trim() });
    if (!row) throw notFound();
    return toRiskModel(row, this, await this.escalationScore(planId));
  }

  async byId(riskId: string, principal: Principal): Promise<RiskModel> {
    const row = await this.dataSource.getRepository(RiskEntity).findOneBy({ riskId });
    const plan = row ? await this.dataSource.getRepository(PlanEntity).findOneBy({ planId: row.planId }) : null;
    if (!row || !plan || !canSeeArea(principal, plan.localAreaId)) throw new RiskNotFoundError(riskId);
    return toRiskModel(row, this, plan.riskEscalationScore);
  }

  /** Scores and mitigations are read only for risks the caller has already been shown. */
  async scores(riskId: string): Promise<RiskScoreModel[]> {
    return scoreModels(await this.dataSource.getRepository(RiskScoreEntity).findBy({ riskId }));
  }

  async mitigations(riskId: string): Promise<MitigationModel[]> {
    return mitigationModels(await this.dataSource.getRepository(MitigationEntity).findBy({ riskId }));
  }

  ownerChanges(riskId: string): Promise<RiskOwnerChangeModel[]> {
    return ownerChangesOf(this.store, riskId);
  }

  /** The score at which the plan's open risks go on the board's agenda, as it stands. */
  async escalationScore(planId: string): Promise<number> {
    return (await this.dataSource.getRepository(PlanEntity).findOneBy({ planId }))?.riskEscalationScore ?? DEFAULT_ESCALATION_SCORE;
  }

  /** What happened to the register between two instants, both already checked; each risk shown as it stood at the end. */
  async movement(planId: string, from: string, to: string): Promise<RiskMovementModel> {
    const [start, end] = await this.history.registersAt(planId, [from, to]);
    const moved = riskMovementBetween(start, end);
    const reader = new HistoricRiskReader(end, to, this.store);
    const model = (row: RiskEntity) => toRiskModel(row, reader, end.escalationScore);
    const rescored = moved.rescored.map((r) => ({ ...r, risk: model(r.risk) }));
    return {
      counts: {
        raised: moved.raised.length,
        rescoredUp: rescored.filter((r) => r.direction === 'UP').length,
        rescoredDown: rescored.filter((r) => r.direction === 'DOWN').length,
        roseToThreshold: rescored.filter((r) => r.crossing === 'ROSE_TO_THRESHOLD').length,
        fellBelowThreshold: rescored.filter((r) => r.crossing === 'FELL_BELOW_THRESHOLD').length,
        closed: moved.closed.length,
        becameIssues: moved.becameIssues.length,
      },
      raised: moved.raised.map(model),
      rescored,
      closed: moved.closed.map(model),
      becameIssues: moved.becameIssues.map(model),
    };
  }

  private async registerAt(planId: string, instant: string): Promise<{ rows: RiskEntity[]; reader: RiskReader; escalationScore: number }> {
    const [view] = await this.history.registersAt(planId, [instant]);
    return { rows: view.risks, reader: new HistoricRiskReader(view, instant, this.store), escalationScore: view.escalationScore };
  }
}
