import { addDays, endOfLondonDay, NotFoundError, RuleViolationError, ukDate } from '@send/domain';
import { ClosedMeeting } from '@send/read-models';

/** A financial-year quarter (April to March, as councils and the DfE report) or a board meeting. */
export type ReportChoice = { financialYear: number; quarter: 1 | 2 | 3 | 4 } | { meetingId: string };

export interface ReportPeriod {
  /** "Q4 2025/26 (1 January 2026 to 31 March 2026)" or "SEND Improvement Board, March 2026 (23 March 2026)". */
  label: string;
  /** The end of the previous report's period, an ISO instant: movement is measured from here. */
  from: string;
  /** The instant the report shows: a quarter ends at midnight in London (22:59:59.999Z in BST). */
  to: string;
  previousLabel: string;
  /** Used in file names: "2025-26-q4" or "meeting-2026-03-23". */
  fileStem: string;
}

const yearLabel = (year: number) => `${year}/${String((year + 1) % 100).padStart(2, '0')}`;

function quarterEnd(financialYear: number, quarter: number): string {
  const ends = [`${financialYear}-06-30`, `${financialYear}-09-30`, `${financialYear}-12-31`, `${financialYear + 1}-03-31`];
  return ends[quarter - 1];
}

export function quarterPeriod(financialYear: number, quarter: 1 | 2 | 3 | 4, now: string): ReportPeriod {
  const last = quarterEnd(financialYear, quarter);
  if (endOfLondonDay(last) > now) {
    throw new RuleViolationError('quarterEnded', `Q${quarter} ${yearLabel(financialYear)} ends on ${ukDate(last)}; its report can be produced from the day after`);
  }
  const previous = quarter === 1 ? { year: financialYear - 1, quarter: 4 } : { year: financialYear, quarter: quarter - 1 };
  const firstDay = addDays(quarterEnd(previous.year, previous.quarter), 1);
  return {
    label: `Q${quarter} ${yearLabel(financialYear)} (${ukDate(firstDay)} to ${ukDate(last)})`,
    from: endOfLondonDay(quarterEnd(previous.year, previous.quarter)),
    to: endOfLondonDay(last),
    previousLabel: `the end of Q${previous.quarter} ${yearLabel(previous.year)}`,
    fileStem: `${financialYear}-${String((financialYear + 1) % 100).padStart(2, '0')}-q${quarter}`,
  };
}

/** From the close of the meeting before to the close of this one; the first meeting starts from the plan's beginning. */
export function meetingPeriod(meetingId: string, closed: ClosedMeeting[], planCreatedAt: string): ReportPeriod {
  const index = closed.findIndex((m) => m.meetingId === meetingId);
  if (index === -1) throw new NotFoundError('closedMeetingOfPlan', `No closed board meeting ${meetingId} in this plan; a meeting's report needs the meeting closed`);
  const meeting = closed[index];
  const previous = closed[index - 1];
  return {
    label: `${meeting.title} (${ukDate(meeting.date)})`,
    from: previous ? previous.closedAt : planCreatedAt,
    to: meeting.closedAt,
    previousLabel: previous ? `the board meeting of ${ukDate(previous.date)}` : 'the start of the plan',
    fileStem: `meeting-${meeting.date}`,
  };
}
