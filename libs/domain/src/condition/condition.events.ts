import { ConditionLink, ConditionStatus, ConditionWording } from './condition.commands';
import { ConditionQuarter } from './condition-quarter';

export type ConditionAdded = {
  type: 'ConditionAdded';
  data: ConditionWording & { conditionId: string; planId: string; ref: string; actionIds: string[]; metricIds: string[] };
};

/** `version` numbers the wording from 1 (as added), so the history reads "version 3 of C2". */
export type ConditionWordingRevised = { type: 'ConditionWordingRevised'; data: ConditionWording & { conditionId: string; version: number; reason: string } };

/**
 * `version` counts the statuses recorded for the quarter from 1; `replacesApproved` says a
 * status the board had approved is being replaced, so the register never changes it silently.
 */
export type ConditionStatusRecorded = {
  type: 'ConditionStatusRecorded';
  data: { conditionId: string; quarter: ConditionQuarter; version: number; status: ConditionStatus; commentary: string; replacesApproved: boolean };
};

export type ConditionStatusApproved = { type: 'ConditionStatusApproved'; data: { conditionId: string; quarter: ConditionQuarter; version: number; status: ConditionStatus } };

export type ConditionLinked = { type: 'ConditionLinked'; data: { conditionId: string; link: ConditionLink } };

export type ConditionUnlinked = { type: 'ConditionUnlinked'; data: { conditionId: string; link: ConditionLink } };

export type ConditionEvent = ConditionAdded | ConditionWordingRevised | ConditionStatusRecorded | ConditionStatusApproved | ConditionLinked | ConditionUnlinked;

/** Current schema version of each condition event; bump with an upcaster, never edit in place. */
export const CONDITION_EVENT_VERSIONS: Record<ConditionEvent['type'], number> = {
  ConditionAdded: 1,
  ConditionWordingRevised: 1,
  ConditionStatusRecorded: 1,
  ConditionStatusApproved: 1,
  ConditionLinked: 1,
  ConditionUnlinked: 1,
};
