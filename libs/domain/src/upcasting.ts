import { ACTION_EVENT_VERSIONS, ActionEvent } from './action/action.events';
import { PLAN_EVENT_VERSIONS, PlanEvent } from './plan/plan.events';
import { USER_EVENT_VERSIONS, UserEvent } from './access/user.events';
import { MEETING_EVENT_VERSIONS, MeetingEvent } from './meeting/meeting.events';
import { METRIC_EVENT_VERSIONS, MetricEvent } from './scorecard/metric.events';
import { REMINDER_EVENT_VERSIONS, ReminderEvent } from './reminder/reminder.events';
import { RISK_EVENT_VERSIONS, RiskEvent } from './risk/risk.events';
import { CHALLENGE_EVENT_VERSIONS, ChallengeEvent } from './challenge/challenge.events';
import { DEPENDENCY_EVENT_VERSIONS, DependencyEvent } from './dependency/dependency.events';

import { FOLLOW_UP_EVENT_VERSIONS, FollowUpEvent } from './follow-up/follow-up.events';
import { OWNER_EVENT_VERSIONS, OwnerEvent } from './owner/owner.events';
import { HIGH_NEEDS_EVENT_VERSIONS, HighNeedsEvent } from './finance/high-needs.events';
import { CONDITION_EVENT_VERSIONS, ConditionEvent } from './condition/condition.events';
import { ACTION_FINANCE_EVENT_VERSIONS, ActionFinanceEvent } from './finance/action-finance.events';

import { QUARTERLY_RETURN_EVENT_VERSIONS, QuarterlyReturnEvent } from './quarterly-return/quarterly-return.events';
import { HISTORY_BREAK_EVENT_VERSIONS, HistoryBreakEvent } from './history/history-break.events';
import { HISTORY_RESTORE_EVENT_VERSIONS, HistoryRestoreEvent } from './history/history-restore.events';
import { CHAIN_HEAD_MAIL_EVENT_VERSIONS, ChainHeadMailEvent } from './history/chain-head-mail.events';

export type DomainEvent = PlanEvent | ActionEvent | UserEvent | MeetingEvent | MetricEvent | ReminderEvent | RiskEvent | ChallengeEvent | DependencyEvent | FollowUpEvent | OwnerEvent | HighNeedsEvent | ConditionEvent | ActionFinanceEvent | QuarterlyReturnEvent
  | HistoryBreakEvent
  | HistoryRestoreEvent
  | ChainHeadMailEvent;

export const EVENT_SCHEMA_VERSIONS: Record<DomainEvent['type'], number> = {
  ...PLAN_EVENT_VERSIONS,
  ...ACTION_EVENT_VERSIONS,
  ...USER_EVENT_VERSIONS,
  ...MEETING_EVENT_VERSIONS,
  ...METRIC_EVENT_VERSIONS,
  ...REMINDER_EVENT_VERSIONS,
  ...RISK_EVENT_VERSIONS,
  ...CHALLENGE_EVENT_VERSIONS,
  ...DEPENDENCY_EVENT_VERSIONS,
  ...FOLLOW_UP_EVENT_VERSIONS,
  ...OWNER_EVENT_VERSIONS,
  ...HIGH_NEEDS_EVENT_VERSIONS,
  ...CONDITION_EVENT_VERSIONS,
  ...ACTION_FINANCE_EVENT_VERSIONS,
  ...QUARTERLY_RETURN_EVENT_VERSIONS,
  ...HISTORY_BREAK_EVENT_VERSIONS,
  ...HISTORY_RESTORE_EVENT_VERSIONS,
  ...CHAIN_HEAD_MAIL_EVENT_VERSIONS,
};

/** What an upcaster may read of the stored event's metadata: facts recorded beside the data. */
export interface StoredEventFacts {
  actor?: { userId: string } | null;
}

/** Lifts one stored shape of an event type from version `from` to `from + 1`. */
export type Upcaster = (data: Record<string, unknown>, facts: StoredEventFacts) => Record<string, unknown>;

/**
 * Upcasters keyed by `Type@fromVersion`. Stored events are never rewritten: an event type that
 * changes gets a new version number here and a step that lifts the old shape on every read.
 */
export const UPCASTERS: Record<string, Upcaster> = {
  // v2 added the uploaded file; everything attached before then was a link or a document reference.
  'EvidenceAttached@1': (data) => ({ ...data, file: null }),
  // v2 names who delegated; every event has always recorded its actor, and that is who it was.
  'ActionDelegated@1': (data, facts) => ({ ...data, delegatedBy: facts.actor?.userId ?? null }),
  // v2 can name one statistical neighbour council; every value before it was an aggregate (England, region, the neighbours' median).
  'ComparatorRecorded@1': (data) => ({ ...data, neighbour: null }),
  // v2 names the owner by id; a v1 owner was text (a name, a role, maybe a user id), and stays so.
  'FollowUpRaised@1': (data) => {
    const owner = data.owner as { name: string; role: string; userId?: string | null };
    return { ...data, owner: { ownerId: null, name: owner.name, role: owner.role, organisation: null, userId: owner.userId ?? null } };
  },
};

export class UnknownEventTypeError extends Error {
  constructor(type: string, version: number) {
    super(`Cannot load event ${type} v${version}: this build does not know that event type or version`);
  }
}

export function upcast(type: string, version: number, data: Record<string, unknown>, facts: StoredEventFacts = {}): DomainEvent {
  const current = Object.hasOwn(EVENT_SCHEMA_VERSIONS, type) ? EVENT_SCHEMA_VERSIONS[type as DomainEvent['type']] : undefined;
  if (current === undefined || version > current) throw new UnknownEventTypeError(type, version);
  let lifted = data;
  for (let v = version; v < current; v += 1) {
    const step = UPCASTERS[`${type}@${v}`];
    if (!step) throw new UnknownEventTypeError(type, v);
    lifted = step(lifted, facts);
  }
  return { type, data: lifted } as DomainEvent;
}

/** What `currentVersionOf` needs of a stored event: any store's recorded event has it. */
export interface StoredEvent {
  type: string;
  data: Record<string, unknown>;
  metadata: { schemaVersion?: number; actor?: { userId: string } | null };
}

/**
 * A stored event in the shape this build reads, for the event store to apply as it reads (an
 * `UpcastingEventStore` is configured with it once): the same object when it is already current,
 * which is nearly every event, else a copy with the lifted data and the version it now has. The
 * stored event is never changed, so its hash still covers what was stored.
 */
export function currentVersionOf<R extends StoredEvent>(stored: R): R {
  const version = stored.metadata.schemaVersion ?? 1;
  if (Object.hasOwn(EVENT_SCHEMA_VERSIONS, stored.type) && EVENT_SCHEMA_VERSIONS[stored.type as DomainEvent['type']] === version) return stored;
  const lifted = upcast(stored.type, version, stored.data, stored.metadata);
  return { ...stored, type: lifted.type, data: lifted.data, metadata: { ...stored.metadata, schemaVersion: EVENT_SCHEMA_VERSIONS[lifted.type] } };
}
