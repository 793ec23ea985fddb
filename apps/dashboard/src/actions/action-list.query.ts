import type { RagValue } from '../shared/rag-badge';
import type { ConfidenceLevel } from './delivery-confidence';

export const ACTION_LIST_QUERY = `query ActionList($planId: ID!, $filter: ActionFilterInput, $leftOut: ActionFilterInput, $after: String, $recordedBy: String, $asAtMeeting: ID, $knownAt: String) {
  plan(id: $planId, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) {
    areas { number name }
    priorities { number name }
    owners { owner { id name organisation } }
  }
  actions(planId: $planId, filter: $filter, first: 100, after: $after, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id ref title rag status dueDate overdue stale lastAsOfDate owner { name organisation } atRiskFrom { from { ref } } deliveryConfidence { level } impactFlag { reasons { metricName } } } }
  }
  leftOut: actions(planId: $planId, filter: $leftOut, first: 1, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) { totalCount }
}`;

export interface ActionRow {
  id: string;
  ref: string;
  title: string;
  rag: RagValue;
  status: 'OPEN' | 'COMPLETE' | 'WITHDRAWN' | 'SUPERSEDED';
  dueDate: string;
  overdue: boolean;
  stale: boolean;
  lastAsOfDate: string | null;
  owner: { name: string; organisation: string };
  /** Slipping actions upstream: "at risk from 5.1". */
  atRiskFrom: { from: { ref: string } }[];
  deliveryConfidence: { level: ConfidenceLevel } | null;
  impactFlag: { reasons: { metricName: string }[] } | null;
}

export interface ActionListAnswer {
  plan: {
    areas: { number: number; name: string }[];
    priorities: { number: number; name: string }[];
    owners: { owner: { id: string; name: string; organisation: string } }[];
  };
  actions: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: ActionRow }[];
  };
  /** The withdrawn and superseded actions the same filters would add. */
  leftOut: { totalCount: number };
}

/** The filters the list takes from the address (#/actions?area=6&rag=RED); `closed=yes` adds withdrawn and superseded actions. */
export const FILTER_KEYS = ['area', 'priority', 'rag', 'owner', 'overdue', 'stale', 'needle', 'closed'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export function filterInput(params: URLSearchParams): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (params.get('area')) filter.area = Number(params.get('area'));
  if (params.get('priority')) filter.priority = Number(params.get('priority'));
  if (params.get('rag')) filter.rag = params.get('rag');
  if (params.get('owner')) filter.ownerId = params.get('owner');
  if (params.get('overdue') === 'yes') filter.overdue = true;
  if (params.get('stale') === 'yes') filter.stale = true;
  if (params.get('needle') === 'yes') filter.notMovingTheNeedle = true;
  // By default the list counts what the overview counts: the actions in force, open or complete.
  if (params.get('closed') !== 'yes') filter.inForce = true;
  return filter;
}

/** The same filters, narrowed to the withdrawn and superseded actions the list leaves out by default. */
export function leftOutInput(params: URLSearchParams): Record<string, unknown> {
  return { ...filterInput(params), inForce: false };
}
