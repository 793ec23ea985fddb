import { CalendarDate } from '../shared/calendar-date';
import { DependsOn } from './dependency-graph';

/**
 * Why an action counts as slipping: rated Red, past its due date, or due later than the date the
 * plan first gave it. Only open actions slip: a finished action no longer holds anyone up, and a
 * withdrawn or superseded one is not being delivered.
 */
export const SLIP_REASONS = ['RED', 'OVERDUE', 'DUE_DATE_MOVED'] as const;
export type SlipReason = (typeof SLIP_REASONS)[number];

/** What the slip rules read of an action, as a read model or a fold holds it. */
export interface ActionForSlip {
  actionId: string;
  ref: string;
  status: string;
  rag: string;
  dueDate: CalendarDate;
  /** The due date the action was added with, before any rescheduling. */
  originalDueDate: CalendarDate;
}

export function slipReasons(action: ActionForSlip, today: CalendarDate): SlipReason[] {
  if (action.status !== 'OPEN') return [];
  const reasons: SlipReason[] = [];
  if (action.rag === 'RED') reasons.push('RED');
  if (action.dueDate < today) reasons.push('OVERDUE');
  if (action.dueDate > action.originalDueDate) reasons.push('DUE_DATE_MOVED');
  return reasons;
}

/** An open action put at risk by a slipping action it waits for, directly or through others. */
export interface DependencyRisk {
  /** The slipping action. */
  fromActionId: string;
  reasons: SlipReason[];
  /** From the action at risk to the slipping one, both included: 5.4 → 5.3 → 5.1. */
  chain: string[];
}

/**
 * Every open action at risk from a dependency, with each slipping action upstream of it and the
 * shortest chain between them, nearest first. The walk goes on past a slipping action (what it
 * waits for may be slipping too) and through open ones, and stops at actions that are finished,
 * withdrawn or superseded: nothing waits on them any more. The same answer for the read models
 * and for a plan folded as at an instant, given the same actions and day.
 */
export function dependencyRisks(dependsOn: DependsOn, actions: ReadonlyMap<string, ActionForSlip>, today: CalendarDate): Map<string, DependencyRisk[]> {
  const risks = new Map<string, DependencyRisk[]>();
  for (const [actionId, action] of actions) {
    if (action.status !== 'OPEN' || !(dependsOn[actionId]?.length)) continue;
    const found: DependencyRisk[] = [];
    const cameFrom = new Map<string, string>();
    const queue = [actionId];
    for (let i = 0; i < queue.length; i += 1) {
      for (const upstreamId of dependsOn[queue[i]] ?? []) {
        if (upstreamId === actionId || cameFrom.has(upstreamId)) continue;
        const upstream = actions.get(upstreamId);
        if (!upstream || upstream.status !== 'OPEN') continue;
        cameFrom.set(upstreamId, queue[i]);
        queue.push(upstreamId);
        const reasons = slipReasons(upstream, today);
        if (reasons.length > 0) found.push({ fromActionId: upstreamId, reasons, chain: chainTo(upstreamId, actionId, cameFrom) });
      }
    }
    if (found.length > 0) risks.set(actionId, found);
  }
  return risks;
}

function chainTo(upstreamId: string, actionId: string, cameFrom: ReadonlyMap<string, string>): string[] {
  const chain = [upstreamId];
  while (chain[0] !== actionId) chain.unshift(cameFrom.get(chain[0]) as string);
  return chain;
}
