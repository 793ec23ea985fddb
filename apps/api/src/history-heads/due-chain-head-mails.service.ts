import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, MoreThanOrEqual } from 'typeorm';
import {
  addDays,
  chainHeadMailWeek,
  ChainHeadMailOccasion,
  financialYearStarting,
  londonDateOf,
  meetingStream,
  quarterlyReturnStream,
  ukDate,
  ukDateTime,
  weeklyChainHeadMailKey,
} from '@send/domain';
import { EventStore } from '@send/event-store';
import { MeetingEntity, PlanEntity, RoleGrantEntity, UserEntity } from '@send/read-models';
import { Clock } from '../common/clock';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

/** One occasion to mail the head for, with the words the mail gives as its reason. */
export interface DueChainHeadMail {
  key: string;
  occasion: ChainHeadMailOccasion;
  localAreaId: string;
  planId: string | null;
  /** Why it is sent, for the mail: says when, never what the plan holds. */
  reason: string;
  /** The area's DfE adviser(s) and board chair(s) with an email address. */
  recipients: string[];
}

/** A meeting closed or a return signed off longer ago than this has had its moment: its mail is not sent late. */
const RECENT_DAYS = 7;
/** A board meeting is closed within weeks of being held; older meetings are not looked at, so each check reads few streams. */
const MEETING_LOOKBACK_DAYS = 90;
/** A quarter's return is signed off in the quarter after it, sometimes later: the current quarter and the three before. */
const QUARTERS_LOOKED_AT = 4;

const MAILED_TO = ['DFE_ADVISER', 'BOARD_CHAIR'];

/**
 * Which chain head mails are due now: the week's for every local area with a plan (from 08:00 on
 * Monday, UK time), and one for each board meeting closed and each quarterly return signed off in
 * the last seven days. Whether one has gone already is the ledger's to say.
 */
@Injectable()
export class DueChainHeadMailsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async due(): Promise<DueChainHeadMail[]> {
    const now = this.clock.now();
    const plans = await this.dataSource.getRepository(PlanEntity).find({ order: { planId: 'ASC' } });
    const areaOf = new Map(plans.map((p) => [p.planId, p.localAreaId]));
    const areas = [...new Set(plans.map((p) => p.localAreaId))].sort();
    const recipients = await this.recipients(areas);
    const since = new Date(Date.parse(now) - RECENT_DAYS * 86_400_000).toISOString();
    const due: Omit<DueChainHeadMail, 'recipients'>[] = [];

    const { week, due: weekDue } = chainHeadMailWeek(now);
    if (weekDue) {
      for (const localAreaId of areas) {
        due.push({ key: weeklyChainHeadMailKey(week, localAreaId), occasion: 'WEEKLY', localAreaId, planId: null, reason: `the weekly copy for ${week.replace(/^(\d{4})-w0?(\d+)$/, 'week $2 of $1')}` });
      }
    }

    const meetings = await this.dataSource.getRepository(MeetingEntity).find({
      where: { planId: In(plans.map((p) => p.planId)), closed: true, meetingType: 'BOARD', date: MoreThanOrEqual(addDays(londonDateOf(now), -MEETING_LOOKBACK_DAYS)) },
      order: { date: 'ASC', meetingId: 'ASC' },
    });
    for (const meeting of meetings) {
      const closed = (await this.store.readStream(meetingStream(meeting.meetingId))).find((e) => e.type === 'MeetingClosed');
      if (!closed || closed.metadata.occurredAt < since || closed.metadata.occurredAt > now) continue;
      due.push({
        key: `meeting-${meeting.meetingId}`,
        occasion: 'MEETING_CLOSED',
        localAreaId: areaOf.get(meeting.planId)!,
        planId: meeting.planId,
        reason: `a board meeting held on ${ukDate(meeting.date)} was closed on ${ukDateTime(closed.metadata.occurredAt)}`,
      });
    }

    for (const plan of plans) {
      for (const quarter of quartersBefore(londonDateOf(now), QUARTERS_LOOKED_AT)) {
        const stream = quarterlyReturnStream(plan.planId, quarter);
        const signedOff = (await this.store.readStream(stream)).find((e) => e.type === 'QuarterlyReturnSignedOff');
        if (!signedOff || signedOff.metadata.occurredAt < since || signedOff.metadata.occurredAt > now) continue;
        due.push({
          // The return's own name is unique per plan and quarter, so it keys its mail.
          key: stream,
          occasion: 'QUARTERLY_SIGN_OFF',
          localAreaId: plan.localAreaId,
          planId: plan.planId,
          reason: `the quarterly return for ${financialYearStarting(quarter.startYear)} Q${quarter.quarter} was signed off on ${ukDateTime(signedOff.metadata.occurredAt)}`,
        });
      }
    }
    return due.map((mail) => ({ ...mail, recipients: recipients.get(mail.localAreaId) ?? [] }));
  }

  private async recipients(areas: string[]): Promise<Map<string, string[]>> {
    const grants = await this.dataSource.getRepository(RoleGrantEntity).find({ where: { localAreaId: In(areas), role: In(MAILED_TO) } });
    const users = await this.dataSource.getRepository(UserEntity).find({ where: { userId: In([...new Set(grants.map((g) => g.userId))]) } });
    const emailOf = new Map(users.flatMap((u) => (u.email ? [[u.userId, u.email] as const] : [])));
    const byArea = new Map<string, string[]>();
    for (const area of areas) {
      const emails = grants.filter((g) => g.localAreaId === area && emailOf.has(g.userId)).map((g) => emailOf.get(g.userId)!);
      byArea.set(area, [...new Set(emails)].sort());
    }
    return byArea;
  }
}

/** The financial quarter a UK day is in, and the `count - 1` before it, newest first. */
export function quartersBefore(date: string, count: number): { startYear: number; quarter: 1 | 2 | 3 | 4 }[] {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  // April–June is Q1 of the year starting that April; January–March is Q4 of the year before.
  let index = (month >= 4 ? year : year - 1) * 4 + Math.floor(((month + 8) % 12) / 3);
  const quarters: { startYear: number; quarter: 1 | 2 | 3 | 4 }[] = [];
  for (let i = 0; i < count; i += 1, index -= 1) quarters.push({ startYear: Math.floor(index / 4), quarter: ((index % 4) + 1) as 1 | 2 | 3 | 4 });
  return quarters;
}
