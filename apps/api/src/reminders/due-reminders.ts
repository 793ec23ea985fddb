import { addDays, CalendarDate, DeliveryConfidence, dependencyRisks, dependsOnOf, ReminderDetails, ReminderKind, SlipReason } from '@send/domain';
import { deterministicUuid } from '@send/event-store';
import { isOverdue, isStale } from '@send/read-models';
import { ReminderAction, ReminderContent } from './reminder-mail.renderer';

/** What falling due is measured against: the read models as they stand, and today. */
export interface ReminderSituation {
  today: CalendarDate;
  leadDays: number;
  digestWeekday: number;
  /** Configured digest recipients; when empty, each plan's administrators with an address. */
  digestTo: string[];
  plans: { planId: string; title: string; staleAfterDays: number; administrators: string[] }[];
  openRounds: { roundId: string; planId: string; title: string; openedOn: string; deadline: string }[];
  openActions: (ReminderAction & { planId: string; ownerId: string; ownerName: string; status: string; lastAsAt: string | null; rag: string; originalDueDate: string; deliveryConfidence: DeliveryConfidence | null })[];
  /** Every dependency in force in these plans: the action waits for `dependsOnActionId`. */
  dependencies: { actionId: string; dependsOnActionId: string }[];
  /** Per plan and owner: the addresses of the people who act as that owner in the plan's area. */
  ownerAddresses(planId: string, ownerId: string): string[];
}

/** `recipients` is empty when nobody it is for has an email address: shown as unaddressed, not claimed. */
export type DueReminder = Pick<ReminderDetails, 'reminderId' | 'key' | 'kind' | 'planId' | 'roundId' | 'ownerId' | 'recipients'> & {
  content: ReminderContent;
};

/** The actions a reminder is about, as recorded on its claim. */
export const actionRefsOf = ({ content }: DueReminder) => [...content.actions, ...content.overdue, ...content.stale].map((a) => a.ref);

export const reminderIdFor = (key: string) => deterministicUuid('reminder', key);

/** ISO 8601 weekday (1 Monday … 7 Sunday) and week (`2026-W25`) of a date. */
export function isoWeekOf(date: CalendarDate): { weekday: number; week: string; monday: CalendarDate } {
  const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const thursday = addDays(date, 4 - weekday);
  const yearStart = `${thursday.slice(0, 4)}-01-01`;
  const week = Math.floor((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${yearStart}T00:00:00Z`)) / (7 * 86_400_000)) + 1;
  return { weekday, week: `${thursday.slice(0, 4)}-W${String(week).padStart(2, '0')}`, monday: addDays(date, 1 - weekday) };
}

/**
 * Every reminder due today, whether or not it has been sent (the reminder streams decide that):
 * - ROUND_OPENED: while a round is open and not past its deadline, each owner with actions not
 *   yet updated since it opened gets one mail listing them.
 * - ROUND_DEADLINE: from `leadDays` before the deadline to the deadline (and not on the day the
 *   round opened, when the opening mail already says it), owners still missing updates are
 *   reminded of just those actions.
 * - WEEKLY_DIGEST: each plan's overdue and stale actions, and those at risk from a dependency, once
 *   per ISO week from the configured weekday.
 * An action waiting for a slipping one says so wherever it is listed: "at risk from 5.1 (Red)".
 */
export function dueReminders(s: ReminderSituation): DueReminder[] {
  const due: DueReminder[] = [];
  const plans = new Map(s.plans.map((p) => [p.planId, p]));
  const openActions = withDependencyRisks(s);
  for (const round of s.openRounds) {
    const plan = plans.get(round.planId);
    if (!plan || s.today > round.deadline) continue;
    const outstanding = openActions.filter((a) => a.planId === round.planId && (a.lastAsAt === null || a.lastAsAt < round.openedOn));
    const byOwner = new Map<string, typeof outstanding>();
    for (const action of outstanding) byOwner.set(action.ownerId, [...(byOwner.get(action.ownerId) ?? []), action]);
    const kinds: [ReminderKind, string][] = [['ROUND_OPENED', 'round-opened']];
    if (s.today >= addDays(round.deadline, -s.leadDays) && s.today > round.openedOn) kinds.push(['ROUND_DEADLINE', 'round-deadline']);
    for (const [ownerId, actions] of byOwner) {
      for (const [kind, prefix] of kinds) {
        const key = `${prefix}:${round.roundId}:${ownerId}`;
        due.push({
          reminderId: reminderIdFor(key),
          key,
          kind,
          planId: round.planId,
          roundId: round.roundId,
          ownerId,
          recipients: s.ownerAddresses(round.planId, ownerId),
          content: { ...emptyContent(kind, plan), addressee: actions[0].ownerName, round: { title: round.title, deadline: round.deadline }, actions },
        });
      }
    }
  }
  const week = isoWeekOf(s.today);
  if (week.weekday < s.digestWeekday) return due;
  for (const plan of s.plans) {
    const key = `digest:${plan.planId}:${week.week}`;
    due.push({ reminderId: reminderIdFor(key), key, ...digestFor(s, plan, openActions) });
  }
  return due;
}

/** What a recorded reminder was: the ledger's row, enough to say it again. */
export type RecordedReminder = Pick<ReminderDetails, 'reminderId' | 'key' | 'kind' | 'planId' | 'roundId' | 'ownerId' | 'addressee' | 'actionRefs'>;

/**
 * A reminder the programme office asked to send again, said as the tracker knows it now: a round
 * mail lists those of its actions still open (with their due dates and risks today) and keeps the
 * round's title and deadline; a digest lists the plan's overdue, stale and at-risk actions this
 * week. It goes to the addresses its people have now, so an address put right since is used.
 * Undefined when its plan or round is gone.
 */
export function reminderToResend(s: ReminderSituation, recorded: RecordedReminder, round: { title: string; deadline: string } | null): DueReminder | undefined {
  const plan = s.plans.find((p) => p.planId === recorded.planId);
  if (!plan || (recorded.kind !== 'WEEKLY_DIGEST' && round === null)) return undefined;
  const openActions = withDependencyRisks(s);
  const { reminderId, key } = recorded;
  if (recorded.kind === 'WEEKLY_DIGEST') return { reminderId, key, ...digestFor(s, plan, openActions) };
  const refs = new Set(recorded.actionRefs);
  const actions = openActions.filter((a) => a.planId === plan.planId && refs.has(a.ref));
  return {
    reminderId,
    key,
    kind: recorded.kind,
    planId: plan.planId,
    roundId: recorded.roundId,
    ownerId: recorded.ownerId,
    recipients: recorded.ownerId === null ? [] : s.ownerAddresses(plan.planId, recorded.ownerId),
    content: { ...emptyContent(recorded.kind, plan), addressee: actions[0]?.ownerName ?? recorded.addressee, round, actions },
  };
}

function digestFor(s: ReminderSituation, plan: ReminderSituation['plans'][number], openActions: ReturnType<typeof withDependencyRisks>): Omit<DueReminder, 'reminderId' | 'key'> {
  const open = openActions.filter((a) => a.planId === plan.planId);
  return {
    kind: 'WEEKLY_DIGEST',
    planId: plan.planId,
    roundId: null,
    ownerId: null,
    recipients: s.digestTo.length > 0 ? s.digestTo : plan.administrators,
    content: {
      ...emptyContent('WEEKLY_DIGEST', plan),
      weekOf: isoWeekOf(s.today).monday,
      overdue: open.filter((a) => isOverdue(a, s.today)),
      stale: open.filter((a) => isStale(a, s.today, plan.staleAfterDays)),
      atRisk: open.filter((a) => a.atRiskFrom.length > 0),
    },
  };
}

function emptyContent(kind: ReminderKind, plan: ReminderSituation['plans'][number]): ReminderContent {
  return { kind, planTitle: plan.title, addressee: 'programme office', round: null, actions: [], overdue: [], stale: [], atRisk: [], staleAfterDays: plan.staleAfterDays, weekOf: '' };
}

const SLIP_WORDS: Record<SlipReason, string> = { RED: 'Red', OVERDUE: 'overdue', DUE_DATE_MOVED: 'due date moved' };

/**
 * Each open action with the slipping actions it waits for, by the rules the dashboard uses. Open
 * actions are enough: the walk goes only through open actions, and only open ones are flagged.
 */
function withDependencyRisks(s: ReminderSituation) {
  const byId = new Map(s.openActions.map((a) => [a.actionId, a]));
  const risks = dependencyRisks(dependsOnOf(s.dependencies), byId, s.today);
  return s.openActions.map((a) => ({
    ...a,
    atRiskFrom: (risks.get(a.actionId) ?? []).map((r) => `${byId.get(r.fromActionId)!.ref} (${r.reasons.map((reason) => SLIP_WORDS[reason]).join(', ')})`),
  }));
}
