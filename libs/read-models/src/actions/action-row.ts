import { ActionAdded, ActionEvent, ActionOwner, CalendarDate, londonDateOf } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';
import { ActionPriorityEntity } from './action-priority.entity';
import { ActionEntity, ConfidenceRating } from './action.entity';
import { refSortKey } from './ref-sort-key';

/**
 * Columns an event sets on an action's row: fixed ones, or, where they depend on what the row held
 * before the event (a correction, the delegates), a function of that row. The live projection reads
 * the stored row only for the second kind, so most events cost no read.
 */
export type ActionRowChanges = Partial<ActionEntity> | ((before: ActionEntity) => Partial<ActionEntity>);

/**
 * What one event of an action's stream does to the action's rows. The live projection writes it to
 * the read database and the as-at view applies it to an action held in memory, so a new action
 * event is taught to the action's row once and the two cannot disagree.
 */
export type ActionRowChange =
  | { kind: 'actionAdded'; row: ActionEntity; priorities: ActionPriorityEntity[] }
  | { kind: 'actionChanged'; actionId: string; changes: ActionRowChanges };

/** The columns every update in force sets (a report, a correction of the one in force, a completion). */
function progress(revision: number, rag: ActionEntity['rag'], commentary: string, asAt: string): Partial<ActionEntity> {
  return { rag, latestCommentary: commentary, lastAsAt: asAt, lastUpdatedOn: asAt, progressRevision: revision };
}

/**
 * A correction replaces the rating only if what it corrects is the update in force on the row it
 * is applied to. Judged on the row, not on the event's `replacesCurrent` (which says what was in
 * force when it was recorded): the live projection gets the same answer, and an as-known-at view,
 * which folds a late correction straight after the update it corrects, gets the right one.
 */
export function correctsUpdateInForce(before: Pick<ActionEntity, 'progressRevision'>, supersedesRevision: number): boolean {
  return before.progressRevision === supersedesRevision;
}

const ownerColumns = (owner: ActionOwner) => ({ ownerId: owner.ownerId, ownerName: owner.name, ownerRole: owner.role, ownerOrganisation: owner.organisation });

function added(event: ProjectedEvent & ActionAdded): ActionRowChange {
  const { actionId, planId, ref, areaNumber, title, description, intendedImpact, owner, leadOrganisation, dueDate } = event.data;
  const { occurredAt } = event.recorded.metadata;
  const row: ActionEntity = {
    actionId, planId, ref, refSortKey: refSortKey(ref), areaNumber, title, description, intendedImpact, ...ownerColumns(owner), leadOrganisation, dueDate, originalDueDate: dueDate,
    status: 'OPEN', rag: 'NOT_YET_RATED', latestCommentary: null, lastAsAt: null, lastUpdatedOn: londonDateOf(occurredAt), addedAt: occurredAt,
    completedOn: null, supersededByActionId: null, closingReason: null, delegates: [], progressRevision: null, deliveryConfidence: null, confidenceHistory: [],
    revision: Number(event.recorded.revision),
  };
  const priorities = [...event.data.priorityNumbers].sort((x, y) => x - y).map((priorityNumber) => ({ actionId, priorityNumber, planId }));
  return { kind: 'actionAdded', row, priorities };
}

/** The columns an event after the action was added sets, besides the revision every one of them moves. */
function changed(event: ProjectedEvent & Exclude<ActionEvent, { type: 'ActionAdded' }>, revision: number): ActionRowChanges {
  switch (event.type) {
    case 'OwnerReassigned':
      return ownerColumns(event.data.owner);
    case 'ProgressReported': {
      const { rag, commentary, asAt } = event.data;
      return progress(revision, rag, commentary, asAt);
    }
    case 'ProgressCorrected': {
      const { rag, commentary, asAt, supersedesRevision } = event.data;
      return (before) => (correctsUpdateInForce(before, supersedesRevision) ? progress(revision, rag, commentary, asAt) : {});
    }
    case 'DueDateRescheduled':
      return { dueDate: event.data.dueDate };
    case 'DeliveryConfidenceRated': {
      const { confidence, previousConfidence, commentary, asAt } = event.data;
      const { actor, occurredAt } = event.recorded.metadata;
      const rating: ConfidenceRating = {
        level: confidence, previousLevel: previousConfidence, commentary, asAt,
        ratedBy: actor?.displayName ?? actor?.userId ?? null, ratedByRole: actor?.role ?? null, ratedAt: occurredAt, revision,
      };
      return (before) => ({ deliveryConfidence: confidence, confidenceHistory: [...before.confidenceHistory, rating] });
    }
    case 'ActionCompleted': {
      const { commentary, asAt } = event.data;
      return { ...progress(revision, 'BLUE', commentary, asAt), status: 'COMPLETE', completedOn: asAt };
    }
    case 'ActionReopened': {
      const { rag, reason } = event.data;
      // A reopening is in force like an update, but the staleness clock restarts on the day it happened.
      return { status: 'OPEN', rag, completedOn: null, latestCommentary: `Reopened: ${reason}`, lastUpdatedOn: londonDateOf(event.recorded.metadata.occurredAt), progressRevision: revision };
    }
    case 'ActionWithdrawn':
      return { status: 'WITHDRAWN', closingReason: event.data.reason };
    case 'ActionSuperseded':
      return { status: 'SUPERSEDED', supersededByActionId: event.data.supersededByActionId, closingReason: event.data.reason };
    case 'ActionDelegated':
    case 'DelegationWithdrawn': {
      const { type } = event;
      const { delegateUserId, delegateName } = event.data;
      return (before) => {
        const others = before.delegates.filter((d) => d.userId !== delegateUserId);
        return { delegates: type === 'ActionDelegated' ? [...others, { userId: delegateUserId, name: delegateName }] : others };
      };
    }
    case 'MilestoneAdded':
    case 'MilestoneCompleted':
    case 'EvidenceAttached':
    case 'EvidenceAccepted':
    case 'EvidenceRejected':
      // Only the revision moves: clients need it to send their next command.
      return {};
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/**
 * How the fold reads the stream. The live projection and the recorded-time views take every event
 * as it comes; the business-date view (`asOfDate`) shows each action as its dated updates stood on
 * that day, although everything was recorded later (a plan moved in from a spreadsheet).
 */
export interface ActionFoldOptions {
  /** Events dated after this day change only the revision: the rating, commentary and status stay those dated by then. */
  asOfDate?: CalendarDate;
}

/**
 * The day an event takes effect in a business-date view: its own date where it carries one (an
 * update, a correction, a completion, a confidence rating), else the UK day it was recorded (a
 * reopening, a withdrawal, a rescheduled due date). Undefined for what shapes the plan rather than
 * rates it (an action added, an owner, a delegate, milestones, evidence): all of that recorded by
 * the view's instant counts, since a plan moved in today existed before the day it was moved in.
 */
export function businessDateOf(event: ProjectedEvent & ActionEvent): CalendarDate | undefined {
  switch (event.type) {
    case 'ProgressReported':
    case 'ProgressCorrected':
    case 'ActionCompleted':
    case 'DeliveryConfidenceRated':
      return event.data.asAt;
    case 'ActionReopened':
    case 'ActionWithdrawn':
    case 'ActionSuperseded':
    case 'DueDateRescheduled':
      return londonDateOf(event.recorded.metadata.occurredAt);
    default:
      return undefined;
  }
}

/** Whether a business-date view leaves the event's changes out: it takes effect after the day shown. */
export function datedAfter(event: ProjectedEvent & ActionEvent, options: ActionFoldOptions): boolean {
  if (options.asOfDate === undefined) return false;
  const date = businessDateOf(event);
  return date !== undefined && date > options.asOfDate;
}

/** What an event of an action's stream does to the action's row. */
export function actionRowChange(event: ProjectedEvent & ActionEvent, options: ActionFoldOptions = {}): ActionRowChange {
  if (event.type === 'ActionAdded') return added(event);
  const revision = Number(event.recorded.revision);
  const changes = datedAfter(event, options) ? {} : changed(event, revision);
  return {
    kind: 'actionChanged',
    actionId: event.data.actionId,
    changes: typeof changes === 'function' ? (before) => ({ ...changes(before), revision }) : { ...changes, revision },
  };
}

/** The columns a change sets, given the row before it. */
export function changesTo(before: ActionEntity, changes: ActionRowChanges): Partial<ActionEntity> {
  return typeof changes === 'function' ? changes(before) : changes;
}
