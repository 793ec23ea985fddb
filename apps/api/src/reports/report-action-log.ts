import { londonDateOf } from '@send/domain';
import { ActionLogView, FollowUpEntity } from '@send/read-models';

export const FOLLOW_UP_STANDINGS = ['OVERDUE', 'OPEN', 'DONE', 'DROPPED'] as const;
export type FollowUpStanding = (typeof FOLLOW_UP_STANDINGS)[number];

/** A follow-up as the report shows it: where it stood at the end of the period. */
export interface ReportFollowUpLine {
  followUp: FollowUpEntity;
  standing: FollowUpStanding;
  /** The last note written by the end of the period, if any. */
  latestNote: string | null;
}

/**
 * The action log for the report: every follow-up open at the end of the period (overdue ones
 * first), then those completed or dropped during it. One closed before the period began is in an
 * earlier report.
 */
export function reportActionLog(log: ActionLogView, period: { from: string; to: string }): ReportFollowUpLine[] {
  const [startDay, endDay] = [londonDateOf(period.from), londonDateOf(period.to)];
  const latest = new Map<string, string>();
  for (const note of [...log.notes].sort((a, b) => a.revision - b.revision)) latest.set(note.followUpId, note.note);
  const lines = log.followUps
    .filter((f) => f.status === 'OPEN' || (f.closedOn !== null && f.closedOn > startDay))
    .map((followUp): ReportFollowUpLine => ({
      followUp,
      standing: followUp.status === 'OPEN' ? (followUp.dueDate < endDay ? 'OVERDUE' : 'OPEN') : followUp.status,
      latestNote: latest.get(followUp.followUpId) ?? null,
    }));
  // The view is soonest due first; a stable sort by standing keeps that order within each.
  return lines.sort((a, b) => FOLLOW_UP_STANDINGS.indexOf(a.standing) - FOLLOW_UP_STANDINGS.indexOf(b.standing));
}
