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

export type ConditionLink = { kind: 'ACTION' | 'METRIC'; id: string };

export type LinkToCondition = { type: 'LinkToCondition'; data: { conditionId: string; link: ConditionLink } };

export type UnlinkFromCondition = { type: 'UnlinkFromCondition'; data: { conditionId: string; link: ConditionLink } };

export type ConditionCommand = AddCondition | ReviseConditionWording | RecordConditionStatus | ApproveConditionStatus | LinkToCondition | UnlinkFromCondition;
