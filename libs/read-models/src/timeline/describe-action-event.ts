import { ActionEvent, DecisionRecorded, DependencyEvent } from '@send/domain';
import { TimelineChange } from './timeline-entry.entity';

export interface EventDescription {
  summary: string;
  changes: TimelineChange[];
}

const change = (field: string, from: string | null, to: string | null): TimelineChange => ({ field, from, to });
const ragWord = (rag: string) => rag.replace(/_/g, ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase());

/** The words a board member reads in an action's timeline for each kind of event. */
export function describeActionEvent(event: ActionEvent): EventDescription {
  switch (event.type) {
    case 'ActionAdded': {
      const d = event.data;
      return {
        summary: `Action ${d.ref} added: ${d.title} (owner ${d.owner.name}, due ${d.dueDate})`,
        changes: [change('status', null, 'OPEN'), change('owner', null, d.owner.name), change('dueDate', null, d.dueDate)],
      };
    }
    case 'OwnerReassigned': {
      const d = event.data;
      const why = d.reason ? `: ${d.reason}` : '';
      return {
        summary: `Owner changed from ${d.previousOwner.name} to ${d.owner.name}${why}`,
        changes: [change('owner', d.previousOwner.name, d.owner.name)],
      };
    }
    case 'ProgressReported': {
      const d = event.data;
      const movement = d.previousRag === d.rag ? `RAG stays ${ragWord(d.rag)}` : `RAG ${ragWord(d.previousRag)} → ${ragWord(d.rag)}`;
      return {
        summary: `Progress as at ${d.asAt}: ${movement}. ${d.commentary}`,
        changes: [change('rag', d.previousRag, d.rag), change('commentary', null, d.commentary), change('asAt', null, d.asAt)],
      };
    }
    case 'ProgressCorrected': {
      const d = event.data;
      const was = d.superseded;
      return {
        summary: `Correction of the update at revision ${d.supersedesRevision} (as at ${was.asAt}, ${ragWord(was.rag)}): now as at ${d.asAt}, ${ragWord(d.rag)}. ${d.commentary} Reason: ${d.reason}`,
        changes: [change('rag', was.rag, d.rag), change('commentary', was.commentary, d.commentary), change('asAt', was.asAt, d.asAt)],
      };
    }
    case 'DeliveryConfidenceRated': {
      const d = event.data;
      const movement = d.previousConfidence === null ? ragWord(d.confidence) : d.previousConfidence === d.confidence ? `stays ${ragWord(d.confidence)}` : `${ragWord(d.previousConfidence)} → ${ragWord(d.confidence)}`;
      return {
        summary: `Delivery confidence as at ${d.asAt}: ${movement}. ${d.commentary}`,
        changes: [change('deliveryConfidence', d.previousConfidence, d.confidence), change('confidenceCommentary', null, d.commentary), change('confidenceAsAt', null, d.asAt)],
      };
    }
    case 'MilestoneAdded':
      return {
        summary: `Milestone added: ${event.data.title} (due ${event.data.dueDate})`,
        changes: [change('milestone', null, event.data.title)],
      };
    case 'MilestoneCompleted':
      return {
        summary: `Milestone completed on ${event.data.completedOn}`,
        changes: [change('milestone.completedOn', null, event.data.completedOn)],
      };
    case 'DueDateRescheduled':
      return {
        summary: `Due date moved from ${event.data.previousDueDate} to ${event.data.dueDate}: ${event.data.reason}`,
        changes: [change('dueDate', event.data.previousDueDate, event.data.dueDate)],
      };
    case 'EvidenceAttached': {
      const d = event.data;
      return {
        // The hash in the timeline lets anyone holding a copy of the file check it is the one submitted.
        summary: `${ragWord(d.kind)} evidence submitted by ${d.submittedBy}: ${d.title}${d.file ? ` (file ${d.file.originalName}, SHA-256 ${d.file.sha256})` : ''}`,
        changes: [change('evidence', null, d.title)],
      };
    }
    case 'EvidenceAccepted':
      return { summary: 'Evidence accepted by the board', changes: [change('evidence.status', 'PENDING', 'ACCEPTED')] };
    case 'EvidenceRejected':
      return {
        summary: `Evidence rejected: ${event.data.reason}`,
        changes: [change('evidence.status', 'PENDING', 'REJECTED')],
      };
    case 'ActionCompleted':
      return {
        summary: `Marked complete (Blue) as at ${event.data.asAt}. ${event.data.commentary}`,
        changes: [change('rag', event.data.previousRag, 'BLUE'), change('status', 'OPEN', 'COMPLETE')],
      };
    case 'ActionReopened':
      return {
        summary: `Reopened: ${event.data.reason}`,
        changes: [change('rag', 'BLUE', event.data.rag), change('status', 'COMPLETE', 'OPEN')],
      };
    case 'ActionWithdrawn':
      return { summary: `Withdrawn: ${event.data.reason}`, changes: [change('status', 'OPEN', 'WITHDRAWN')] };
    case 'ActionSuperseded':
      return {
        summary: `Superseded by action ${event.data.supersededByRef}: ${event.data.reason}`,
        changes: [change('status', 'OPEN', 'SUPERSEDED')],
      };
    case 'ActionDelegated':
      return {
        summary: `Delegated to ${event.data.delegateName}, who may now update it for the owner`,
        changes: [change('delegate', null, event.data.delegateName)],
      };
    case 'DelegationWithdrawn':
      return {
        summary: `Delegation to ${event.data.delegateName} withdrawn`,
        changes: [change('delegate', event.data.delegateName, null)],
      };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** A board decision as it reads in the action's timeline. */
export function describeDecision(d: DecisionRecorded['data']): EventDescription {
  return {
    summary: `Board meeting of ${d.meetingDate} decided (${d.kind.replace(/_/g, ' ').toLowerCase()}): ${d.summary}`,
    changes: [change('decision', null, d.kind)],
  };
}

/** A dependency declared or removed, as it reads in the history of the action that waits. */
export function describeDependency(event: DependencyEvent): EventDescription {
  const { dependsOnRef } = event.data;
  return event.type === 'DependencyDeclared'
    ? { summary: `Now waits for ${dependsOnRef}: ${event.data.note}`, changes: [change('dependsOn', null, dependsOnRef)] }
    : { summary: `No longer waits for ${dependsOnRef}: ${event.data.reason}`, changes: [change('dependsOn', dependsOnRef, null)] };
}
