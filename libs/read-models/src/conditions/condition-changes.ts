import { CONDITION_EVENT_VERSIONS, ConditionEvent, ConditionLinkKind } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';
import { ConditionStatusEntity } from './condition-status.entity';
import { ConditionWordingEntity } from './condition-wording.entity';
import { ConditionEntity } from './condition.entity';

/**
 * What one condition event does to the register's rows. The live projection writes these to the
 * read database; the as-at view applies the same list to rows held in memory, so a condition
 * event is taught to the register once.
 */
export type ConditionChange =
  | { kind: 'conditionAdded'; row: ConditionEntity }
  | { kind: 'conditionChanged'; conditionId: string; changes: Partial<ConditionEntity> }
  | { kind: 'wordingAdded'; row: ConditionWordingEntity }
  | { kind: 'statusAdded'; row: ConditionStatusEntity }
  | { kind: 'statusApproved'; conditionId: string; quarter: string; version: number; changes: Pick<ConditionStatusEntity, 'approvedAt' | 'approvedBy'> };

export const isConditionEvent = (event: ProjectedEvent): event is ProjectedEvent & ConditionEvent => Object.hasOwn(CONDITION_EVENT_VERSIONS, event.type);

const linkColumn: Record<ConditionLinkKind, 'actionIds' | 'metricIds' | 'financeLines'> = { ACTION: 'actionIds', METRIC: 'metricIds', FINANCE_LINE: 'financeLines' };

const actorName = (event: ProjectedEvent) => event.recorded.metadata.actor?.displayName ?? event.recorded.metadata.actor?.userId ?? null;

/** The changes an event makes, given the condition's row as it stood before; nothing for a condition not added yet. */
export function conditionChanges(condition: ConditionEntity | undefined, event: ProjectedEvent & ConditionEvent): ConditionChange[] {
  const revision = Number(event.recorded.revision);
  // When it happened by the command's clock, as the timeline records it; the store's commit time is later.
  const occurredAt = event.recorded.metadata.occurredAt;
  if (event.type === 'ConditionAdded') {
    const { conditionId, planId, ref, text, sourceParagraph, measureOfSuccess, dueDate, actionIds, metricIds } = event.data;
    return [
      {
        kind: 'conditionAdded',
        row: { conditionId, planId, ref, refNumber: Number(ref.slice(1)), text, sourceParagraph, measureOfSuccess, dueDate, wordingVersion: 1, actionIds, metricIds, financeLines: [], addedAt: occurredAt, revision },
      },
      { kind: 'wordingAdded', row: { conditionId, version: 1, planId, text, sourceParagraph, measureOfSuccess, dueDate, reason: null, occurredAt } },
    ];
  }
  if (!condition) return [];
  const { conditionId, planId } = condition;
  const changed = (changes: Partial<ConditionEntity>): ConditionChange => ({ kind: 'conditionChanged', conditionId, changes: { ...changes, revision } });
  switch (event.type) {
    case 'ConditionWordingRevised': {
      const { text, sourceParagraph, measureOfSuccess, dueDate, version, reason } = event.data;
      return [
        changed({ text, sourceParagraph, measureOfSuccess, dueDate, wordingVersion: version }),
        { kind: 'wordingAdded', row: { conditionId, version, planId, text, sourceParagraph, measureOfSuccess, dueDate, reason, occurredAt } },
      ];
    }
    case 'ConditionStatusRecorded': {
      const { quarter, version, status, commentary, replacesApproved } = event.data;
      const row: ConditionStatusEntity = { conditionId, quarter, version, planId, status, commentary, replacesApproved, recordedAt: occurredAt, recordedBy: actorName(event), approvedAt: null, approvedBy: null };
      return [{ kind: 'statusAdded', row }, changed({})];
    }
    case 'ConditionStatusApproved': {
      const { quarter, version } = event.data;
      return [{ kind: 'statusApproved', conditionId, quarter, version, changes: { approvedAt: occurredAt, approvedBy: actorName(event) } }, changed({})];
    }
    case 'ConditionLinked': {
      const { kind, id } = event.data.link;
      const list = linkColumn[kind];
      return [changed({ [list]: [...condition[list], id] })];
    }
    case 'ConditionUnlinked': {
      const { kind, id } = event.data.link;
      const list = linkColumn[kind];
      return [changed({ [list]: condition[list].filter((linked) => linked !== id) })];
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
