import { DataSource, SelectQueryBuilder } from 'typeorm';
import { CalendarDate } from '@send/domain';
import { ActionPriorityEntity } from './action-priority.entity';
import { ActionEntity } from './action.entity';
import { staleCutoff } from './action-flags';

/** The statuses the roll-up counts in its total; withdrawn and superseded actions are counted apart. */
export const IN_FORCE = ['OPEN', 'COMPLETE'];

export interface ActionFilter {
  /** The reference exactly as the plan gives it ("8.2"). */
  ref?: string;
  areaNumber?: number;
  priorityNumber?: number;
  rag?: string;
  status?: string;
  /** Open and complete actions, the ones the roll-up counts (true), or only withdrawn and superseded ones (false). */
  inForce?: boolean;
  ownerId?: string;
  overdue?: boolean;
  stale?: boolean;
  /**
   * Only these actions (inside: true) or all but these (inside: false): a set judged outside the
   * read database, such as the actions flagged "green but not moving the needle" on the scorecard.
   */
  among?: { ids: readonly string[]; inside: boolean };
}

export interface ActionPage {
  actions: ActionEntity[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

export class InvalidCursorError extends Error {
  constructor() {
    super('after is not a cursor this API issued; use pageInfo.endCursor from a previous page');
  }
}

/** Cursors are opaque to clients; inside they are the ref sort key of the last row served. */
export const encodeCursor = (action: Pick<ActionEntity, 'refSortKey'>) => Buffer.from(`a:${action.refSortKey}`).toString('base64url');

export function decodeCursor(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!raw.startsWith('a:')) throw new InvalidCursorError();
  return raw.slice(2);
}

export async function findActions(
  dataSource: DataSource,
  planId: string,
  filter: ActionFilter,
  page: { first: number; after?: string },
  clock: { today: CalendarDate; staleAfterDays: number },
): Promise<ActionPage> {
  const base = filteredActions(dataSource, planId, filter, clock);
  const totalCount = await base.clone().getCount();
  const query = base.clone().orderBy('a.refSortKey', 'ASC').take(page.first + 1);
  if (page.after) query.andWhere('a.refSortKey > :afterKey', { afterKey: decodeCursor(page.after) });
  const rows = await query.getMany();
  const actions = rows.slice(0, page.first);
  return {
    actions,
    totalCount,
    hasNextPage: rows.length > page.first,
    endCursor: actions.length > 0 ? encodeCursor(actions[actions.length - 1]) : null,
  };
}

function filteredActions(
  dataSource: DataSource,
  planId: string,
  filter: ActionFilter,
  clock: { today: CalendarDate; staleAfterDays: number },
): SelectQueryBuilder<ActionEntity> {
  const q = dataSource.getRepository(ActionEntity).createQueryBuilder('a').where('a.planId = :planId', { planId });
  if (filter.ref !== undefined) q.andWhere('a.ref = :ref', { ref: filter.ref });
  if (filter.areaNumber !== undefined) q.andWhere('a.areaNumber = :area', { area: filter.areaNumber });
  if (filter.rag !== undefined) q.andWhere('a.rag = :rag', { rag: filter.rag });
  if (filter.status !== undefined) q.andWhere('a.status = :status', { status: filter.status });
  if (filter.inForce !== undefined) q.andWhere(`a.status ${filter.inForce ? 'IN' : 'NOT IN'} (:...inForce)`, { inForce: IN_FORCE });
  if (filter.ownerId !== undefined) q.andWhere('a.ownerId = :ownerId', { ownerId: filter.ownerId });
  if (filter.priorityNumber !== undefined) {
    const sub = q
      .subQuery()
      .select('1')
      .from(ActionPriorityEntity, 'p')
      .where('p.actionId = a.actionId')
      .andWhere('p.priorityNumber = :priority')
      .getQuery();
    q.andWhere(`EXISTS ${sub}`, { priority: filter.priorityNumber });
  }
  if (filter.overdue !== undefined) {
    const overdue = `(a.status = 'OPEN' AND a.dueDate < :today)`;
    q.andWhere(filter.overdue ? overdue : `NOT ${overdue}`, { today: clock.today });
  }
  if (filter.stale !== undefined) {
    const stale = `(a.status = 'OPEN' AND a.lastUpdatedOn < :cutoff)`;
    q.andWhere(filter.stale ? stale : `NOT ${stale}`, { cutoff: staleCutoff(clock.today, clock.staleAfterDays) });
  }
  if (filter.among !== undefined) {
    const { ids, inside } = filter.among;
    // `IN ()` is not SQL: an empty set keeps nothing, or excludes nothing.
    if (ids.length > 0) q.andWhere(`a.actionId ${inside ? 'IN' : 'NOT IN'} (:...amongIds)`, { amongIds: ids });
    else if (inside) q.andWhere('1 = 0');
  }
  return q;
}
