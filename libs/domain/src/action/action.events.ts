import { CalendarDate } from '../shared/calendar-date';
import { ActionOwner } from './action-owner';
import { DeliveryConfidence } from './delivery-confidence';
import { EvidenceFile } from './evidence-file';
import { EvidenceKind, RagStatus, ReportableRag } from './rag-status';

export type ActionAdded = {
  type: 'ActionAdded';
  data: {
    actionId: string;
    planId: string;
    ref: string;
    areaNumber: number;
    priorityNumbers: number[];
    title: string;
    description: string;
    intendedImpact: string;
    owner: ActionOwner;
    leadOrganisation: string;
    dueDate: CalendarDate;
  };
};

export type OwnerReassigned = {
  type: 'OwnerReassigned';
  data: { actionId: string; owner: ActionOwner; previousOwner: ActionOwner; reason: string | null };
};

export type ProgressReported = {
  type: 'ProgressReported';
  data: { actionId: string; rag: ReportableRag; previousRag: RagStatus; commentary: string; asAt: CalendarDate };
};

export type MilestoneAdded = {
  type: 'MilestoneAdded';
  data: { actionId: string; milestoneId: string; title: string; dueDate: CalendarDate };
};

export type MilestoneCompleted = {
  type: 'MilestoneCompleted';
  data: { actionId: string; milestoneId: string; completedOn: CalendarDate };
};

export type DueDateRescheduled = {
  type: 'DueDateRescheduled';
  data: { actionId: string; dueDate: CalendarDate; previousDueDate: CalendarDate; reason: string };
};

export type EvidenceAttached = {
  type: 'EvidenceAttached';
  data: {
    actionId: string;
    evidenceId: string;
    kind: EvidenceKind;
    title: string;
    link: string | null;
    documentReference: string | null;
    submittedBy: string;
    /** v2: the uploaded file, when the evidence is one; v1 events load with null. */
    file: EvidenceFile | null;
  };
};

export type EvidenceAccepted = { type: 'EvidenceAccepted'; data: { actionId: string; evidenceId: string } };

export type EvidenceRejected = {
  type: 'EvidenceRejected';
  data: { actionId: string; evidenceId: string; reason: string };
};

export type ActionCompleted = {
  type: 'ActionCompleted';
  data: { actionId: string; commentary: string; asAt: CalendarDate; previousRag: RagStatus };
};

export type ActionReopened = {
  type: 'ActionReopened';
  /** `rag` is what the action returns to: its rating before it was marked complete. */
  data: { actionId: string; reason: string; rag: RagStatus };
};

export type ActionWithdrawn = { type: 'ActionWithdrawn'; data: { actionId: string; reason: string } };

export type ActionSuperseded = {
  type: 'ActionSuperseded';
  data: { actionId: string; supersededByActionId: string; supersededByRef: string; reason: string };
};

export type ActionDelegated = {
  type: 'ActionDelegated';
  /**
   * v2 added `delegatedBy`, the user who delegated (the owner, a plan administrator, or, before
   * only owners could, another delegate), so withdrawing a delegate also withdraws whoever they
   * passed the action on to.
   */
  data: { actionId: string; delegateUserId: string; delegateName: string; delegatedBy: string | null };
};

export type DelegationWithdrawn = {
  type: 'DelegationWithdrawn';
  data: { actionId: string; delegateUserId: string; delegateName: string };
};

export type ActionEvent =
  | ActionAdded
  | OwnerReassigned
  | ProgressReported
  | MilestoneAdded
  | MilestoneCompleted
  | DueDateRescheduled
  | EvidenceAttached
  | EvidenceAccepted
  | EvidenceRejected
  | ActionCompleted
  | ActionReopened
  | ActionWithdrawn
  | ActionSuperseded
  | ActionDelegated
  | DelegationWithdrawn
  | ProgressCorrected
  | DeliveryConfidenceRated;

/** Current schema version of each action event; bump with an upcaster, never edit in place. */
export const ACTION_EVENT_VERSIONS: Record<ActionEvent['type'], number> = {
  ActionAdded: 1,
  OwnerReassigned: 1,
  ProgressReported: 1,
  MilestoneAdded: 1,
  MilestoneCompleted: 1,
  DueDateRescheduled: 1,
  EvidenceAttached: 2,
  EvidenceAccepted: 1,
  EvidenceRejected: 1,
  ActionCompleted: 1,
  ActionReopened: 1,
  ActionWithdrawn: 1,
  ActionSuperseded: 1,
  ActionDelegated: 2,
  DelegationWithdrawn: 1,
  ProgressCorrected: 1,
  DeliveryConfidenceRated: 1,
};

/**
 * A progress update restated: the earlier event stays in the stream, this one names it by its
 * revision and carries what it said, so the history shows both. `replacesCurrent` is true when the
 * superseded update was the action's rating in force, so the correction becomes the current one.
 */
export type ProgressCorrected = {
  type: 'ProgressCorrected';
  data: {
    actionId: string;
    supersedesRevision: number;
    rag: ReportableRag;
    commentary: string;
    asAt: CalendarDate;
    reason: string;
    superseded: { rag: ReportableRag; commentary: string; asAt: CalendarDate };
    replacesCurrent: boolean;
  };
};

/**
 * How confident the rater is that the intended impact will be achieved, with why and the day it
 * describes; who rated it is the event's actor. `previousConfidence` is null for the first rating.
 */
export type DeliveryConfidenceRated = {
  type: 'DeliveryConfidenceRated';
  data: { actionId: string; confidence: DeliveryConfidence; previousConfidence: DeliveryConfidence | null; commentary: string; asAt: CalendarDate };
};
