import { ActionOwner, DeliveryConfidence, londonDateOf, RagStatus } from '@send/domain';
import { isOverdue, isStale } from '../actions/action-flags';
import { RagRollUp, rollUp } from '../plans/rag-roll-up';
import { ActionView, EvidenceView } from './action-view';
import { PlanView } from './plan-view';

/** Worse to better; Blue is complete. "Not yet rated" sits apart: a first rating is neither up nor down. */
const RAG_ORDER: Record<string, number> = { RED: 1, AMBER: 2, GREEN: 3, BLUE: 4 };

export const RAG_DIRECTIONS = ['UP', 'DOWN', 'FIRST_RATED'] as const;
export type RagDirection = (typeof RAG_DIRECTIONS)[number];

export interface RagChange {
  action: ActionView;
  from: RagStatus;
  to: RagStatus;
  direction: RagDirection;
}

export interface EvidenceMoved {
  action: ActionView;
  evidence: EvidenceView;
}

export interface ConfidenceFall {
  action: ActionView;
  from: DeliveryConfidence;
  to: DeliveryConfidence;
}

/** How confident, low to high: a fall is a move down this scale. */
const CONFIDENCE_ORDER: Record<DeliveryConfidence, number> = { LOW: 1, MEDIUM: 2, HIGH: 3 };

export interface OwnerChange {
  action: ActionView;
  from: ActionOwner;
  to: ActionOwner;
}

/** What changed between two views of a plan: each list names the actions, in plan order. */
export interface MovementLists {
  ragChanges: RagChange[];
  becameOverdue: ActionView[];
  becameStale: ActionView[];
  evidenceAdded: EvidenceMoved[];
  evidenceAccepted: EvidenceMoved[];
  completed: ActionView[];
  added: ActionView[];
  /** Withdrawn or superseded: taken out of the plan without being completed. */
  withdrawn: ActionView[];
  ownerChanges: OwnerChange[];
  /** Rated less confident at the end than at the start; a first rating, however low, is not a fall. */
  confidenceFell: ConfidenceFall[];
}

export interface MovementCounts {
  ragUp: number;
  ragDown: number;
  firstRated: number;
  becameOverdue: number;
  becameStale: number;
  evidenceAdded: number;
  evidenceAccepted: number;
  completed: number;
  added: number;
  withdrawn: number;
  ownerChanges: number;
  confidenceFell: number;
}

export interface MovementGroup {
  number: number;
  name: string;
  from: RagRollUp;
  to: RagRollUp;
  counts: MovementCounts;
}

export interface Movement extends MovementLists {
  from: string;
  to: string;
  counts: MovementCounts;
  fromRollUp: RagRollUp;
  toRollUp: RagRollUp;
  areas: MovementGroup[];
  priorities: MovementGroup[];
}

function direction(from: string, to: string): RagDirection {
  if (from === 'NOT_YET_RATED') return 'FIRST_RATED';
  return RAG_ORDER[to] > RAG_ORDER[from] ? 'UP' : 'DOWN';
}

function listsFor(actions: ActionView[], before: Map<string, ActionView>, from: PlanView | undefined, to: PlanView): MovementLists {
  const lists: MovementLists = {
    ragChanges: [],
    becameOverdue: [],
    becameStale: [],
    evidenceAdded: [],
    evidenceAccepted: [],
    completed: [],
    added: [],
    withdrawn: [],
    ownerChanges: [],
    confidenceFell: [],
  };
  const [fromDay, toDay] = [from ? londonDateOf(from.asAt) : undefined, londonDateOf(to.asAt)];
  for (const now of actions) {
    const then = before.get(now.actionId);
    if (!then) lists.added.push(now);
    if (then && then.rag !== now.rag && now.rag !== 'NOT_YET_RATED') {
      lists.ragChanges.push({ action: now, from: then.rag, to: now.rag, direction: direction(then.rag, now.rag) });
    }
    const wasOverdue = then !== undefined && fromDay !== undefined && isOverdue(then, fromDay);
    if (isOverdue(now, toDay) && !wasOverdue) lists.becameOverdue.push(now);
    const wasStale = then !== undefined && fromDay !== undefined && isStale(then, fromDay, from!.staleAfterDays);
    if (isStale(now, toDay, to.staleAfterDays) && !wasStale) lists.becameStale.push(now);
    const earlier = new Map((then?.evidence ?? []).map((e) => [e.evidenceId, e]));
    for (const evidence of now.evidence) {
      const previous = earlier.get(evidence.evidenceId);
      if (!previous) lists.evidenceAdded.push({ action: now, evidence });
      if (evidence.status === 'ACCEPTED' && previous?.status !== 'ACCEPTED') lists.evidenceAccepted.push({ action: now, evidence });
    }
    if (now.status === 'COMPLETE' && then?.status !== 'COMPLETE') lists.completed.push(now);
    const closed = (status: string | undefined) => status === 'WITHDRAWN' || status === 'SUPERSEDED';
    if (closed(now.status) && !closed(then?.status)) lists.withdrawn.push(now);
    if (then && then.owner.ownerId !== now.owner.ownerId) lists.ownerChanges.push({ action: now, from: then.owner, to: now.owner });
    const [wasRated, isRated] = [then?.deliveryConfidence, now.deliveryConfidence];
    if (wasRated && isRated && CONFIDENCE_ORDER[isRated] < CONFIDENCE_ORDER[wasRated]) lists.confidenceFell.push({ action: now, from: wasRated, to: isRated });
  }
  return lists;
}

function countsOf(lists: MovementLists): MovementCounts {
  return {
    ragUp: lists.ragChanges.filter((c) => c.direction === 'UP').length,
    ragDown: lists.ragChanges.filter((c) => c.direction === 'DOWN').length,
    firstRated: lists.ragChanges.filter((c) => c.direction === 'FIRST_RATED').length,
    becameOverdue: lists.becameOverdue.length,
    becameStale: lists.becameStale.length,
    evidenceAdded: lists.evidenceAdded.length,
    evidenceAccepted: lists.evidenceAccepted.length,
    completed: lists.completed.length,
    added: lists.added.length,
    withdrawn: lists.withdrawn.length,
    ownerChanges: lists.ownerChanges.length,
    confidenceFell: lists.confidenceFell.length,
  };
}

/**
 * Compares the plan at two instants, state against state: an action that went Red and back to
 * Green in between has not moved. `from` is undefined when the plan did not exist yet at
 * `fromInstant`, so everything in `to` is new.
 */
export function movementBetween(fromInstant: string, from: PlanView | undefined, to: PlanView): Movement {
  const before = new Map((from?.actions ?? []).map((a) => [a.actionId, a]));
  const fromDay = londonDateOf(fromInstant);
  const rollUpFrom = (actions: ActionView[]) => rollUp(actions.map((a) => before.get(a.actionId)).filter((a): a is ActionView => !!a), fromDay, from?.staleAfterDays ?? to.staleAfterDays);
  const rollUpTo = (actions: ActionView[]) => rollUp(actions, londonDateOf(to.asAt), to.staleAfterDays);
  const group = (number: number, name: string, actions: ActionView[]): MovementGroup => ({
    number,
    name,
    from: rollUpFrom(actions),
    to: rollUpTo(actions),
    counts: countsOf(listsFor(actions, before, from, to)),
  });
  const lists = listsFor(to.actions, before, from, to);
  return {
    from: fromInstant,
    to: to.asAt,
    ...lists,
    counts: countsOf(lists),
    fromRollUp: rollUpFrom(to.actions),
    toRollUp: rollUpTo(to.actions),
    areas: to.areas.map((a) => group(a.number, a.name, to.actions.filter((x) => x.areaNumber === a.number))),
    priorities: to.priorities.map((p) => group(p.number, p.name, to.actions.filter((x) => x.priorityNumbers.includes(p.number)))),
  };
}
