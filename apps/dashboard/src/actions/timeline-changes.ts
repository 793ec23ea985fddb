import { longDate } from '../shared/uk-dates';
import type { TimelineEntry } from './action-timeline.query';

type Change = TimelineEntry['changes'][number];

const LABELS: Record<string, string> = {
  rag: 'RAG',
  asAt: 'As at',
  status: 'Status',
  owner: 'Owner',
  dueDate: 'Due date',
  milestone: 'Milestone',
  'milestone.completedOn': 'Milestone completed',
  evidence: 'Evidence',
  'evidence.status': 'Evidence',
  delegate: 'Delegate',
  deliveryConfidence: 'Delivery confidence',
  confidenceAsAt: 'Confidence as at',
};

// The summary already carries the commentary and the decision's kind word for word; a second line adds nothing.
const SAID_BY_THE_SUMMARY = new Set(['commentary', 'decision', 'confidenceCommentary']);

const words = (value: string) => value.replace(/_/g, ' ').toLowerCase();
const capital = (value: string) => value.replace(/^./, (c) => c.toUpperCase());

function boardValue(field: string, value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return longDate(value);
  if (field === 'rag' || field === 'status' || field === 'evidence.status' || field === 'deliveryConfidence') return capital(words(value));
  return value;
}

/**
 * One change in the board's words. A change whose "from" the event did not record (null) says
 * only where it went: the value before was not "—", it simply is not in this event.
 */
function describe(change: Change): string | null {
  if (SAID_BY_THE_SUMMARY.has(change.field) || change.from === change.to) return null;
  const label = LABELS[change.field] ?? capital(words(change.field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/\./g, ' ')));
  if (change.to === null) return change.from === null ? null : `${label} removed: ${boardValue(change.field, change.from)}`;
  const to = boardValue(change.field, change.to);
  return change.from === null ? `${label}: ${to}` : `${label}: ${boardValue(change.field, change.from)} → ${to}`;
}

/** The changes of one timeline entry as the board says them, e.g. "RAG: Not yet rated → Green". */
export function describeChanges(changes: Change[]): string[] {
  return changes.map(describe).filter((line): line is string => line !== null);
}
