import { CalendarDate } from '@send/domain';
import { ActionFilter, decodeCursor, encodeCursor, IN_FORCE } from '../actions/action-query';
import { isOverdue, isStale } from '../actions/action-flags';
import { ActionView } from './action-view';

export interface ActionViewPage {
  actions: ActionView[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

/** The same filter and cursors as `findActions`, over actions folded from history. */
export function pageActionViews(
  views: ActionView[],
  filter: ActionFilter,
  page: { first: number; after?: string },
  clock: { today: CalendarDate; staleAfterDays: number },
): ActionViewPage {
  const matching = views.filter(
    (a) =>
      (filter.ref === undefined || a.ref === filter.ref) &&
      (filter.areaNumber === undefined || a.areaNumber === filter.areaNumber) &&
      (filter.rag === undefined || a.rag === filter.rag) &&
      (filter.status === undefined || a.status === filter.status) &&
      (filter.inForce === undefined || IN_FORCE.includes(a.status) === filter.inForce) &&
      (filter.ownerId === undefined || a.owner.ownerId === filter.ownerId) &&
      (filter.priorityNumber === undefined || a.priorityNumbers.includes(filter.priorityNumber)) &&
      (filter.overdue === undefined || isOverdue(a, clock.today) === filter.overdue) &&
      (filter.stale === undefined || isStale(a, clock.today, clock.staleAfterDays) === filter.stale) &&
      (filter.among === undefined || filter.among.ids.includes(a.actionId) === filter.among.inside),
  );
  const afterKey = page.after === undefined ? undefined : decodeCursor(page.after);
  const rest = afterKey === undefined ? matching : matching.filter((a) => a.refSortKey > afterKey);
  const actions = rest.slice(0, page.first);
  return {
    actions,
    totalCount: matching.length,
    hasNextPage: rest.length > page.first,
    endCursor: actions.length > 0 ? encodeCursor(actions[actions.length - 1]) : null,
  };
}
