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

type RolledAction = { status: string; rag: string; dueDate: string; lastUpdatedOn: string };

export function rollUp(actions: RolledAction[], today: CalendarDate, staleAfterDays: number): RagRollUp {
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
  for (const a of actions) {
    if (a.status === 'WITHDRAWN') r.withdrawn += 1;
    else if (a.status === 'SUPERSEDED') r.superseded += 1;
    else {
      r.total += 1;
      if (a.rag === 'NOT_YET_RATED') r.notYetRated += 1;
      else if (a.rag === 'RED') r.red += 1;
      else if (a.rag === 'AMBER') r.amber += 1;
      else if (a.rag === 'GREEN') r.green += 1;
      else if (a.rag === 'BLUE') r.blue += 1;
      if (isOverdue(a, today)) r.overdue += 1;
      if (isStale(a, today, staleAfterDays)) r.stale += 1;
    }
  }
  r.percentComplete = r.total === 0 ? 0 : Math.round((1000 * r.blue) / r.total) / 10;
  return r;
}
