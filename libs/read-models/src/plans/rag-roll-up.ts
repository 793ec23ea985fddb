import { CalendarDate } from '@send/domain';
import { isOverdue, isStale } from '../actions/action-flags';

export interface RagRollUp {
  /** Actions in force: withdrawn and superseded ones are counted apart. */
  total: number;
  notYetRated: number;
  red: number;
  amber: number;
  green: number;
  blue: number;
  withdrawn: number;
  superseded: number;
  percentComplete: number;
  overdue: number;
  stale: number;
}

/** Actions that share a status and a RAG, with how many of them are overdue and stale. */
export interface RollUpGroup {
  status: string;
  rag: string;
  count: number;
  overdue: number;
  stale: number;
}

type RolledAction = { status: string; rag: string; dueDate: string; lastUpdatedOn: string };

const RAG_FIELD: Record<string, 'notYetRated' | 'red' | 'amber' | 'green' | 'blue'> = {
  NOT_YET_RATED: 'notYetRated',
  RED: 'red',
  AMBER: 'amber',
  GREEN: 'green',
  BLUE: 'blue',
};

/** The roll-up of counted groups: the live read models count in SQL, an as-at view one action at a time. */
export function rollUpGroups(groups: Iterable<RollUpGroup>): RagRollUp {
  const r: RagRollUp = {
    total: 0,
    notYetRated: 0,
    red: 0,
    amber: 0,
    green: 0,
    blue: 0,
    withdrawn: 0,
    superseded: 0,
    percentComplete: 0,
    overdue: 0,
    stale: 0,
  };
  for (const g of groups) {
    if (g.status === 'WITHDRAWN') r.withdrawn += g.count;
    else if (g.status === 'SUPERSEDED') r.superseded += g.count;
    else {
      r.total += g.count;
      const field = RAG_FIELD[g.rag];
      if (field) r[field] += g.count;
      r.overdue += g.overdue;
      r.stale += g.stale;
    }
  }
  r.percentComplete = r.total === 0 ? 0 : Math.round((1000 * r.blue) / r.total) / 10;
  return r;
}

export function rollUp(actions: RolledAction[], today: CalendarDate, staleAfterDays: number): RagRollUp {
  return rollUpGroups(
    actions.map((a) => ({
      status: a.status,
      rag: a.rag,
      count: 1,
      overdue: isOverdue(a, today) ? 1 : 0,
      stale: isStale(a, today, staleAfterDays) ? 1 : 0,
    })),
  );
}
