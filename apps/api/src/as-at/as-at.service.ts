import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarDate, canSeeArea, InvalidValueError, MeetingNotFoundError, NotFoundError, Principal, RuleViolationError, ukDate, ukDateTime } from '@send/domain';
import { UpcastingEventStore } from '@send/event-store';
import { asAtCache, MeetingEntity, parseAsAt, PlanEntity, PlanHistory, PlanView, readModelStreamIndex } from '@send/read-models';
import { Clock } from '../common/clock';
import { AppConfig, DEFAULT_AS_AT_CACHE } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { HistoricArgs } from './dto/as-at.args';
import { AsOfDateArgs } from './dto/as-of-date.args';

/** The argument names to blame in an error: `recordedBy`/`asAtMeeting`, or e.g. `from`/`fromMeeting`. */
export interface ArgumentNames {
  instant: string;
  meeting: string;
}
const RECORDED_BY_NAMES: ArgumentNames = { instant: 'recordedBy', meeting: 'asAtMeeting' };

/**
 * The recorded-time argument the client sent, recordedBy or its deprecated name asAt (recordedBy
 * wins if both came; the args class refuses that), and the name errors should blame: the one sent.
 */
function sentInstant(args: HistoricArgs, name: string): { value: string; name: string } | undefined {
  if (args.recordedBy !== undefined) return { value: args.recordedBy, name };
  if (args.asAt !== undefined) return { value: args.asAt, name: 'asAt' };
  return undefined;
}

/** The refusal for a plan asked about before it was created. */
export const planNotYet = (planId: string, asAt: string) => new NotFoundError('existedAsAt', `Plan ${planId} did not exist yet as at ${ukDateTime(asAt)}`);

/** Answers "as it was then" from the event store, for every read that takes recordedBy (or its old name asAt) or asAtMeeting. */
@Injectable()
export class AsAtService {
  private readonly history: PlanHistory;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) store: UpcastingEventStore,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // Snapshots and views folded before, bounded; keyed by each plan's own streams, so a write to one plan leaves the others' be.
    this.history = new PlanHistory(readModelStreamIndex(dataSource), store, asAtCache(config.asAtCache ?? DEFAULT_AS_AT_CACHE));
  }

  /**
   * The instant asked for, or undefined for "now" (served from the read models). A meeting must
   * be one of `planId`'s (when given) that the person can see, and must have closed.
   */
  async instant(args: HistoricArgs, principal: Principal, planId?: string, names: ArgumentNames = RECORDED_BY_NAMES): Promise<string | undefined> {
    const sent = sentInstant(args, names.instant);
    if (sent !== undefined && args.asAtMeeting !== undefined) {
      throw new InvalidValueError(names.meeting, 'oneOfAsAtOrMeeting', `Give ${sent.name} or ${names.meeting}, not both`);
    }
    if (sent !== undefined) return this.fromValue(sent.value, sent.name);
    if (args.asAtMeeting !== undefined) return this.closeOf(args.asAtMeeting, principal, planId, names.meeting);
    return undefined;
  }

  /**
   * When the corrections shown were recorded by: undefined for "what was known at asAt" (the
   * default), the instant asked for, or now. It cannot come before asAt, and needs one.
   */
  knownAt(args: HistoricArgs, asAt: string | undefined, field = 'knownAt', asAtField = 'recordedBy or asAtMeeting'): string | undefined {
    if (args.knownAt === undefined) return undefined;
    if (asAt === undefined) {
      throw new InvalidValueError(field, 'needsAsAt', `${field} needs ${asAtField}; the live view already shows every correction`);
    }
    const knownAt = this.knownAtValue(args.knownAt, field);
    if (knownAt < asAt) throw new InvalidValueError(field, 'notBeforeAsAt', `${field} (${ukDateTime(knownAt)}) cannot be before the instant shown (${ukDateTime(asAt)})`);
    return knownAt;
  }

  /**
   * The business-date view asked for: its day, and the instant everything shown was recorded by
   * (knownAt, else now). Undefined when not asked. It answers a different question from recordedBy
   * (or asAt) and asAtMeeting (what had been recorded by an instant), so it is refused beside them.
   */
  businessDate(args: HistoricArgs & AsOfDateArgs): { asOfDate: CalendarDate; knownAt: string } | undefined {
    if (args.asOfDate === undefined) return undefined;
    const other = sentInstant(args, 'recordedBy')?.name ?? (args.asAtMeeting !== undefined ? 'asAtMeeting' : undefined);
    if (other !== undefined) {
      throw new InvalidValueError(
        'asOfDate',
        'asOfDateOrRecordedAt',
        `Give asOfDate (the plan as its updates were dated on a day) or ${other} (the plan as recorded by an instant), not both`,
      );
    }
    const today = this.clock.today();
    if (args.asOfDate > today) throw new InvalidValueError('asOfDate', 'notInFuture', `asOfDate ${ukDate(args.asOfDate)} is in the future; no update can be dated after today (${ukDate(today)})`);
    const knownAt = args.knownAt === undefined ? this.clock.now() : this.knownAtValue(args.knownAt, 'knownAt');
    return { asOfDate: args.asOfDate, knownAt };
  }

  /** The plan as it was at the instant (with corrections recorded by `knownAt`; as dated on `asOfDate` if given); NOT_FOUND if it did not exist yet. */
  async planView(planId: string, asAt: string, knownAt?: string, asOfDate?: CalendarDate): Promise<PlanView> {
    const [view] = await this.planViews(planId, [asAt], knownAt, asOfDate);
    if (!view) throw planNotYet(planId, asAt);
    return view;
  }

  /** The plan at several instants, its streams read once; undefined where it did not exist yet. */
  planViews(planId: string, instants: string[], knownAt?: string, asOfDate?: CalendarDate): Promise<(PlanView | undefined)[]> {
    return instants.length === 0 ? Promise.resolve([]) : this.history.viewsAt(planId, instants, knownAt, asOfDate);
  }

  /** Refuses, as every read as at an instant does, an instant before the plan was created. */
  async requirePlanExistedAt(planId: string, asAt: string): Promise<void> {
    const createdAt = await this.history.planCreatedAt(planId);
    if (createdAt === undefined || createdAt > asAt) throw planNotYet(planId, asAt);
  }

  /** A knownAt value: "now" is the clock's instant, anything else an instant or a UK day's end. */
  private knownAtValue(value: string, field: string): string {
    return value === 'now' ? this.clock.now() : this.fromValue(value, field);
  }

  private fromValue(value: string, field: string): string {
    const instant = parseAsAt(value);
    if (instant === undefined) throw new InvalidValueError(field, 'isAsAt', `${field} must be a date (YYYY-MM-DD) or an instant with its zone`);
    const now = this.clock.now();
    if (instant <= now) return instant;
    // "As at today" is now; any later day has not happened.
    if (value.length === 10 && value === this.clock.today()) return now;
    throw new InvalidValueError(field, 'notInFuture', `${field} ${value} is in the future; history only goes up to now (${now})`);
  }

  private async closeOf(meetingId: string, principal: Principal, planId: string | undefined, field: string): Promise<string> {
    const meeting = await this.dataSource.getRepository(MeetingEntity).findOneBy({ meetingId });
    const plan = meeting ? await this.dataSource.getRepository(PlanEntity).findOneBy({ planId: meeting.planId }) : null;
    if (!meeting || !plan || !canSeeArea(principal, plan.localAreaId)) throw new MeetingNotFoundError(meetingId);
    if (planId !== undefined && meeting.planId !== planId) {
      throw new InvalidValueError(field, 'meetingOfPlan', `Meeting ${meetingId} is not a meeting of plan ${planId}`);
    }
    const closedAt = await this.history.meetingClosedAt(meetingId);
    if (closedAt === undefined) {
      throw new RuleViolationError(
        'meetingClosed',
        `The board meeting of ${ukDate(meeting.date)} has not been closed, so there is no "as at the meeting" yet; give recordedBy a date instead`,
      );
    }
    return closedAt;
  }
}
