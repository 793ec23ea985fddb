import { CalendarDate } from '../shared/calendar-date';
import { ConditionQuarter } from './condition-quarter';

export const CONDITION_STATUSES = ['MET', 'ON_TRACK', 'NOT_ON_TRACK', 'NOT_MET'] as const;
export type ConditionStatus = (typeof CONDITION_STATUSES)[number];

/** What the condition says, where, and how the board will know it is met: revised as a whole, each version kept. */
export interface ConditionWording {
  text: string;
  /** Where the direction or agreement states it, e.g. "Paragraph 8". */
  sourceParagraph: string;
  /** The measure or evidence that shows the condition is met. */
  measureOfSuccess: string;
  dueDate: CalendarDate;
}

export type AddCondition = {
  type: 'AddCondition';
  data: ConditionWording & { conditionId: string; planId: string; ref: string; actionIds: string[]; metricIds: string[] };
};

export type ReviseConditionWording = { type: 'ReviseConditionWording'; data: ConditionWording & { conditionId: string; reason: string } };

export type RecordConditionStatus = {
  type: 'RecordConditionStatus';
  data: { conditionId: string; quarter: ConditionQuarter; status: ConditionStatus; commentary: string };
};

/** `version` is the status the chair read: approving a status that changed since is refused. */
export type ApproveConditionStatus = { type: 'ApproveConditionStatus'; data: { conditionId: string; quarter: ConditionQuarter; version: number } };

/**
 * What a condition is linked to: an action of its plan, a scorecard metric of its plan, or a finance
 * line, whose id is one of the set in `condition-finance-line.ts` (`HIGH_NEEDS_CUMULATIVE_DEFICIT`,
 * `PRIORITY_SAVINGS:3`). FINANCE_LINE joined the union later: events linking actions and metrics
 * read as they always did.
 */
export const CONDITION_LINK_KINDS = ['ACTION', 'METRIC', 'FINANCE_LINE'] as const;
export type ConditionLinkKind = (typeof CONDITION_LINK_KINDS)[number];
export type ConditionLink = { kind: ConditionLinkKind; id: string };

export type LinkToCondition = { type: 'LinkToCondition'; data: { conditionId: string; link: ConditionLink } };

export type UnlinkFromCondition = { type: 'UnlinkFromCondition'; data: { conditionId: string; link: ConditionLink } };

export type ConditionCommand = AddCondition | ReviseConditionWording | RecordConditionStatus | ApproveConditionStatus | LinkToCondition | UnlinkFromCondition;
