import { ActionOwner, RISK_EVENT_VERSIONS, riskBand, RiskEvent, RiskRating, riskScore } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';
import { MitigationEntity } from './mitigation.entity';
import { RiskScoreEntity } from './risk-score.entity';
import { RiskEntity } from './risk.entity';

/**
 * What one risk event does to the register's rows. The live projection writes these to the read
 * database; an as-at view applies the same list to rows held in memory, so a risk event is taught
 * to the register once.
 */
export type RiskChange =
  | { kind: 'riskRaised'; row: RiskEntity }
  | { kind: 'riskChanged'; riskId: string; changes: Partial<RiskEntity> }
  | { kind: 'scoreAdded'; row: RiskScoreEntity }
  | { kind: 'mitigationAdded'; row: MitigationEntity }
  | { kind: 'mitigationChanged'; riskId: string; mitigationId: string; changes: Partial<MitigationEntity> };

export const isRiskEvent = (event: ProjectedEvent): event is ProjectedEvent & RiskEvent => Object.hasOwn(RISK_EVENT_VERSIONS, event.type);

const ownerColumns = (owner: ActionOwner) => ({ ownerId: owner.ownerId, ownerName: owner.name, ownerRole: owner.role, ownerOrganisation: owner.organisation });

const scoreColumns = (prefix: 'inherent' | 'current' | 'target', rating: RiskRating) => ({
  [`${prefix}Likelihood`]: rating.likelihood,
  [`${prefix}Impact`]: rating.impact,
  [`${prefix}Score`]: riskScore(rating),
});

/**
 * The changes an event of a risk's stream makes, given the risk's row as it stood before (for its
 * plan and its current score). Every event after the first moves the risk's revision. Nothing
 * changes for an event about a risk not raised yet.
 */
export function riskChanges(risk: RiskEntity | undefined, event: ProjectedEvent & RiskEvent): RiskChange[] {
  const revision = Number(event.recorded.revision);
  // When it happened by the command's clock, as evidence and the timeline record it; the store's commit time is later.
  const occurredAt = event.recorded.metadata.occurredAt;
  if (event.type === 'RiskRaised') {
    const d = event.data;
    const currentScore = riskScore(d.current);
    const row = {
      riskId: d.riskId,
      planId: d.planId,
      ref: d.ref,
      refNumber: Number(d.ref.slice(1)),
      title: d.title,
      description: d.description,
      cause: d.cause,
      consequence: d.consequence,
      ...ownerColumns(d.owner),
      areaNumbers: d.areaNumbers,
      priorityNumbers: d.priorityNumbers,
      actionIds: d.actionIds,
      ...scoreColumns('inherent', d.inherent),
      ...scoreColumns('current', d.current),
      currentBand: riskBand(currentScore),
      previousScore: null,
      currentAsAt: null,
      ...scoreColumns('target', d.target),
      targetByDate: d.target.byDate,
      reviewDate: d.reviewDate,
      status: 'OPEN',
      outcome: null,
      raisedAt: occurredAt,
      revision,
    } as RiskEntity;
    const score: RiskScoreEntity = { riskId: d.riskId, revision, planId: d.planId, ...d.current, score: currentScore, band: riskBand(currentScore), asAt: null, commentary: null, occurredAt };
    return [{ kind: 'riskRaised', row }, { kind: 'scoreAdded', row: score }];
  }
  if (!risk) return [];
  const { riskId, planId } = risk;
  const changed = (changes: Partial<RiskEntity>): RiskChange => ({ kind: 'riskChanged', riskId, changes: { ...changes, revision } });
  switch (event.type) {
    case 'RiskRescored': {
      const { current, commentary, asAt } = event.data;
      const score = riskScore(current);
      return [
        changed({ ...scoreColumns('current', current), currentBand: riskBand(score), previousScore: riskScore(event.data.previous), currentAsAt: asAt }),
        { kind: 'scoreAdded', row: { riskId, revision, planId, ...current, score, band: riskBand(score), asAt, commentary, occurredAt } },
      ];
    }
    case 'RiskLinksChanged': {
      const { areaNumbers, priorityNumbers, actionIds } = event.data;
      return [changed({ areaNumbers, priorityNumbers, actionIds })];
    }
    case 'RiskTargetRevised':
      return [changed({ ...scoreColumns('target', event.data.target), targetByDate: event.data.target.byDate })];
    case 'RiskReviewDateSet':
      return [changed({ reviewDate: event.data.reviewDate })];
    case 'MitigationAdded': {
      const { mitigationId, description, owner, dueDate } = event.data;
      const row: MitigationEntity = { riskId, mitigationId, planId, description, ...ownerColumns(owner), dueDate, status: 'PLANNED', lastCommentary: null, changedAt: occurredAt };
      return [{ kind: 'mitigationAdded', row }, changed({})];
    }
    case 'MitigationStatusChanged': {
      const { mitigationId, to, commentary } = event.data;
      return [{ kind: 'mitigationChanged', riskId, mitigationId, changes: { status: to, lastCommentary: commentary, changedAt: occurredAt } }, changed({})];
    }
    case 'RiskOwnerReassigned':
      return [changed(ownerColumns(event.data.owner))];
    case 'RiskClosed':
      return [changed({ status: 'CLOSED', outcome: event.data.reason })];
    case 'RiskBecameIssue':
      return [changed({ status: 'BECAME_ISSUE', outcome: event.data.commentary })];
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
