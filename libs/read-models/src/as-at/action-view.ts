import { ActionAdded, ActionEvent, ActionOwner, londonDateOf, DecisionRecorded, ActionStatus, RagStatus } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';
import { refSortKey } from '../actions/ref-sort-key';
import { TimelineEntryEntity } from '../timeline/timeline-entry.entity';
import { timelineLine } from '../timeline/timeline-line';
import { attachedEvidence, EvidenceView, evidenceReview } from '../evidence/evidence-row';

export type { EvidenceView };

export interface MilestoneView {
  milestoneId: string;
  title: string;
  dueDate: string;
  completedOn: string | null;
}

/**
 * Everything the API shows of one action, folded in memory from its events. The read models hold
 * the same facts for today; this is what lets any earlier instant be shown exactly.
 */
export interface ActionView {
  actionId: string;
  planId: string;
  ref: string;
  refSortKey: string;
  areaNumber: number;
  priorityNumbers: number[];
  title: string;
  description: string;
  intendedImpact: string;
  owner: ActionOwner;
  delegates: { userId: string; name: string }[];
  leadOrganisation: string;
  dueDate: string;
  status: ActionStatus;
  rag: RagStatus;
  latestCommentary: string | null;
  lastAsAt: string | null;
  lastUpdatedOn: string;
  completedOn: string | null;
  supersededByActionId: string | null;
  closingReason: string | null;
  revision: number;
  /** The update (or completion, or reopening) whose RAG is in force: a correction of it takes its place. */
  progressRevision: number | null;
  milestones: MilestoneView[];
  evidence: EvidenceView[];
  /** The lines the timeline read model holds for the action, in the same shape. */
  timeline: TimelineEntryEntity[];
}

/** An event's line in the timeline, as a list so an event that adds none adds nothing. */
function linesOf(event: ProjectedEvent): TimelineEntryEntity[] {
  const line = timelineLine(event);
  return line ? [line] : [];
}

function added(d: ActionAdded['data'], occurredOn: string): Omit<ActionView, 'revision' | 'timeline' | 'milestones' | 'progressRevision'> & { milestones: MilestoneView[] } {
  return {
    actionId: d.actionId,
    planId: d.planId,
    ref: d.ref,
    refSortKey: refSortKey(d.ref),
    areaNumber: d.areaNumber,
    priorityNumbers: [...d.priorityNumbers].sort((a, b) => a - b),
    title: d.title,
    description: d.description,
    intendedImpact: d.intendedImpact,
    owner: d.owner,
    delegates: [],
    leadOrganisation: d.leadOrganisation,
    dueDate: d.dueDate,
    status: 'OPEN',
    rag: 'NOT_YET_RATED',
    latestCommentary: null,
    lastAsAt: null,
    lastUpdatedOn: occurredOn,
    completedOn: null,
    supersededByActionId: null,
    closingReason: null,
    milestones: [],
    evidence: [],
  };
}

/** A board decision about the action, recorded in a meeting's stream. */
export function withDecision(view: ActionView, event: ProjectedEvent & DecisionRecorded): ActionView {
  return { ...view, timeline: [...view.timeline, ...linesOf(event)] };
}

/** One event of the action's own stream applied to what was known before it. */
export function evolveActionView(view: ActionView | undefined, event: ProjectedEvent & ActionEvent): ActionView | undefined {
  const revision = Number(event.recorded.revision);
  const { occurredAt, actor } = event.recorded.metadata;
  if (event.type === 'ActionAdded') return { ...added(event.data, londonDateOf(occurredAt)), revision, progressRevision: null, timeline: linesOf(event) };
  if (!view) return view;
  const next: ActionView = { ...view, revision, timeline: [...view.timeline, ...linesOf(event)] };
  switch (event.type) {
    case 'OwnerReassigned':
      return { ...next, owner: event.data.owner };
    case 'ProgressReported': {
      const { rag, commentary, asAt } = event.data;
      return { ...next, rag, latestCommentary: commentary, lastAsAt: asAt, lastUpdatedOn: asAt, progressRevision: revision };
    }
    case 'ProgressCorrected': {
      // Judged on the view, not the event's flag: an as-known-at view folds a late correction straight after its update.
      if (next.progressRevision !== event.data.supersedesRevision) return next;
      const { rag, commentary, asAt } = event.data;
      return { ...next, rag, latestCommentary: commentary, lastAsAt: asAt, lastUpdatedOn: asAt, progressRevision: revision };
    }
    case 'DueDateRescheduled':
      return { ...next, dueDate: event.data.dueDate };
    case 'ActionCompleted': {
      const { commentary, asAt } = event.data;
      return { ...next, status: 'COMPLETE', rag: 'BLUE', latestCommentary: commentary, lastAsAt: asAt, lastUpdatedOn: asAt, completedOn: asAt, progressRevision: revision };
    }
    case 'ActionReopened':
      return {
        ...next,
        status: 'OPEN',
        rag: event.data.rag,
        completedOn: null,
        latestCommentary: `Reopened: ${event.data.reason}`,
        lastUpdatedOn: londonDateOf(occurredAt),
        progressRevision: revision,
      };
    case 'ActionWithdrawn':
      return { ...next, status: 'WITHDRAWN', closingReason: event.data.reason };
    case 'ActionSuperseded':
      return { ...next, status: 'SUPERSEDED', supersededByActionId: event.data.supersededByActionId, closingReason: event.data.reason };
    case 'ActionDelegated':
    case 'DelegationWithdrawn': {
      const { delegateUserId, delegateName } = event.data;
      const others = next.delegates.filter((d) => d.userId !== delegateUserId);
      return { ...next, delegates: event.type === 'ActionDelegated' ? [...others, { userId: delegateUserId, name: delegateName }] : others };
    }
    case 'MilestoneAdded': {
      const { milestoneId, title, dueDate } = event.data;
      return { ...next, milestones: [...next.milestones, { milestoneId, title, dueDate, completedOn: null }] };
    }
    case 'MilestoneCompleted':
      return {
        ...next,
        milestones: next.milestones.map((m) => (m.milestoneId === event.data.milestoneId ? { ...m, completedOn: event.data.completedOn } : m)),
      };
    case 'EvidenceAttached':
      return { ...next, evidence: [...next.evidence, attachedEvidence(event)] };
    case 'EvidenceAccepted':
    case 'EvidenceRejected': {
      const review = evidenceReview(event);
      return { ...next, evidence: next.evidence.map((e) => (e.evidenceId === event.data.evidenceId ? { ...e, ...review } : e)) };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
