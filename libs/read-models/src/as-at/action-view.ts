import { ActionEvent, ActionOwner, OwnerRenamed } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';
import { ActionFoldOptions, actionRowChange, changesTo, datedAfter } from '../actions/action-row';
import { ActionEntity } from '../actions/action.entity';
import { addedMilestone } from '../milestones/milestone-row';
import { MilestoneEntity } from '../milestones/milestone.entity';
import { TimelineEntryEntity } from '../timeline/timeline-entry.entity';
import { timelineLine } from '../timeline/timeline-line';
import { attachedEvidence, EvidenceView, evidenceReview } from '../evidence/evidence-row';
import { withRenamedOwner } from '../owner-records/owner-rename';

export type { EvidenceView };

/** A milestone as the milestones read model holds it. */
export type MilestoneView = MilestoneEntity;

/**
 * Everything the API shows of one action, folded in memory from its events: the action's row as the
 * read models hold it (`actionRowChange` builds both), with its priorities, milestones, evidence and
 * timeline, which the read models keep in tables of their own, in those tables' row shapes. This
 * is what lets any earlier instant be shown exactly.
 */
export interface ActionView extends ActionEntity {
  priorityNumbers: number[];
  /** The owner's columns as one value, as the API shows them. */
  owner: ActionOwner;
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

const ownerOf = (row: ActionEntity): ActionOwner => ({ ownerId: row.ownerId, name: row.ownerName, role: row.ownerRole, organisation: row.ownerOrganisation });

/** A line from another stream that belongs in the action's history too: a board decision, a dependency of the action. */
export function withLineFrom(view: ActionView, event: ProjectedEvent): ActionView {
  return { ...view, timeline: [...view.timeline, ...linesOf(event)] };
}

/** The action under its owner's new name, as the owners projection renames its row; unchanged when someone else owns it. */
export function withOwnerRenamed(view: ActionView, data: OwnerRenamed['data']): ActionView {
  const row = withRenamedOwner(view, data);
  return row === view ? view : { ...row, owner: ownerOf(row) };
}

/** The action's milestones and evidence after an event, which only the events about them change. */
function detailsAfter(view: ActionView, event: ProjectedEvent & ActionEvent): Pick<ActionView, 'milestones' | 'evidence'> {
  const { milestones, evidence } = view;
  switch (event.type) {
    case 'MilestoneAdded':
      return { milestones: [...milestones, addedMilestone(event)], evidence };
    case 'MilestoneCompleted': {
      const { milestoneId, completedOn } = event.data;
      return { milestones: milestones.map((m) => (m.milestoneId === milestoneId ? { ...m, completedOn } : m)), evidence };
    }
    case 'EvidenceAttached':
      return { milestones, evidence: [...evidence, attachedEvidence(event)] };
    case 'EvidenceAccepted':
    case 'EvidenceRejected': {
      const review = evidenceReview(event);
      return { milestones, evidence: evidence.map((e) => (e.evidenceId === event.data.evidenceId ? { ...e, ...review } : e)) };
    }
    default:
      return { milestones, evidence };
  }
}

/**
 * One event of the action's own stream applied to what was known before it. A business-date view
 * (`options.asOfDate`) leaves out of the row and the timeline what was dated after its day.
 */
export function evolveActionView(view: ActionView | undefined, event: ProjectedEvent & ActionEvent, options: ActionFoldOptions = {}): ActionView | undefined {
  const change = actionRowChange(event, options);
  if (change.kind === 'actionAdded') {
    const { row, priorities } = change;
    return { ...row, priorityNumbers: priorities.map((p) => p.priorityNumber), owner: ownerOf(row), milestones: [], evidence: [], timeline: linesOf(event) };
  }
  if (!view) return view;
  const row = { ...view, ...changesTo(view, change.changes) };
  const lines = datedAfter(event, options) ? [] : linesOf(event);
  return { ...row, owner: ownerOf(row), ...detailsAfter(view, event), timeline: [...view.timeline, ...lines] };
}
