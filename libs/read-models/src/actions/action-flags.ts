import { addDays, CalendarDate } from '@send/domain';

/** Only open actions can be overdue or stale: complete, withdrawn and superseded ones are settled. */
export function isOverdue(action: { status: string; dueDate: string }, today: CalendarDate): boolean {
  return action.status === 'OPEN' && action.dueDate < today;
}

export function staleCutoff(today: CalendarDate, staleAfterDays: number): CalendarDate {
  return addDays(today, -staleAfterDays);
}

/** Stale: no progress update for more than the plan's number of days. */
export function isStale(
  action: { status: string; lastUpdatedOn: string },
  today: CalendarDate,
  staleAfterDays: number,
): boolean {
  return action.status === 'OPEN' && action.lastUpdatedOn < staleCutoff(today, staleAfterDays);
}
