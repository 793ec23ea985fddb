import { DataSource, EntityManager } from 'typeorm';
import { CalendarDate } from '@send/domain';
import { ActionPriorityEntity } from '../actions/action-priority.entity';
import { ActionEntity } from '../actions/action.entity';
import { staleCutoff } from '../actions/action-flags';
import { RollUpGroup } from './rag-roll-up';

/** A counted group of one plan's actions in one area (or priority). */
export interface KeyedRollUpGroup extends RollUpGroup {
  planId: string;
  /** The area number, or the priority number. */
  key: number;
}

export type RollUpDimension = 'area' | 'priority';

/**
 * Counts the live actions of the given plans by area or by priority, status and RAG in the read
 * database, so a roll-up costs a few dozen rows however many actions there are. The overdue and
 * stale rules are the ones `isOverdue` and `isStale` apply to a single action.
 */
export async function countRollUpGroups(
  db: DataSource | EntityManager,
  dimension: RollUpDimension,
  planIds: string[],
  today: CalendarDate,
  staleAfterDays: number,
): Promise<KeyedRollUpGroup[]> {
  if (planIds.length === 0) return [];
  const query = db
    .createQueryBuilder()
    .from(ActionEntity, 'a')
    .select('a.planId', 'planId')
    .addSelect('a.status', 'status')
    .addSelect('a.rag', 'rag')
    .addSelect('COUNT(*)', 'count')
    .addSelect(`SUM(CASE WHEN a.status = 'OPEN' AND a.dueDate < :today THEN 1 ELSE 0 END)`, 'overdue')
    .addSelect(`SUM(CASE WHEN a.status = 'OPEN' AND a.lastUpdatedOn < :cutoff THEN 1 ELSE 0 END)`, 'stale')
    .where('a.planId IN (:...planIds)', { planIds, today, cutoff: staleCutoff(today, staleAfterDays) })
    .groupBy('a.planId');
  // Grouped in the covering index's order (plan, area, status, RAG), so no sort is needed.
  if (dimension === 'area') query.addSelect('a.areaNumber', 'key').addGroupBy('a.areaNumber');
  else query.innerJoin(ActionPriorityEntity, 'p', 'p.actionId = a.actionId').addSelect('p.priorityNumber', 'key').addGroupBy('p.priorityNumber');
  query.addGroupBy('a.status').addGroupBy('a.rag');
  const rows: Record<string, unknown>[] = await query.getRawMany();
  // PostgreSQL answers COUNT and SUM as strings (bigint).
  return rows.map((r) => ({
    planId: String(r.planId),
    key: Number(r.key),
    status: String(r.status),
    rag: String(r.rag),
    count: Number(r.count),
    overdue: Number(r.overdue),
    stale: Number(r.stale),
  }));
}
