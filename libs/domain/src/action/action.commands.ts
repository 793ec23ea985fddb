import { CalendarDate } from '../shared/calendar-date';
import { ActionOwner } from './action-owner';
import { DeliveryConfidence } from './delivery-confidence';
import { EvidenceFile } from './evidence-file';
import { EvidenceKind, ReportableRag, ReviewDecision } from './rag-status';

export interface NewMilestone {
  milestoneId: string;
  title: string;
  dueDate: CalendarDate;
}

export type AddAction = {
  type: 'AddAction';
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
    milestones?: NewMilestone[];
  };
};

export type ReassignOwner = { type: 'ReassignOwner'; data: { actionId: string; owner: ActionOwner; reason?: string } };

export type ReportProgress = {
  type: 'ReportProgress';
  data: { actionId: string; rag: ReportableRag; commentary: string; asAt: CalendarDate };
};

export type AddMilestone = { type: 'AddMilestone'; data: { actionId: string } & NewMilestone };

export type CompleteMilestone = {
  type: 'CompleteMilestone';
  data: { actionId: string; milestoneId: string; completedOn: CalendarDate };
};

export type RescheduleDueDate = {
  type: 'RescheduleDueDate';
  data: { actionId: string; dueDate: CalendarDate; reason: string };
};

export type AttachEvidence = {
  type: 'AttachEvidence';
  data: {
    actionId: string;
    evidenceId: string;
    kind: EvidenceKind;
    title: string;
    link?: string;
    documentReference?: string;
    submittedBy: string;
    /** An uploaded file already in the evidence file store. */
    file?: EvidenceFile;
  };
};

export type ReviewEvidence = {
  type: 'ReviewEvidence';
  data: { actionId: string; evidenceId: string; decision: ReviewDecision; reason?: string };
};

export type MarkComplete = {
  type: 'MarkComplete';
  data: { actionId: string; commentary: string; asAt: CalendarDate };
};

export type ReopenAction = { type: 'ReopenAction'; data: { actionId: string; reason: string } };

export type WithdrawAction = { type: 'WithdrawAction'; data: { actionId: string; reason: string } };

export type SupersedeAction = {
  type: 'SupersedeAction';
  data: { actionId: string; supersededByActionId: string; reason: string };
};

/** An owner (or the programme office) lets a deputy update the action on their behalf. */
export type DelegateAction = {
  type: 'DelegateAction';
  data: { actionId: string; delegateUserId: string; delegateName: string };
};

export type WithdrawDelegation = { type: 'WithdrawDelegation'; data: { actionId: string; delegateUserId: string } };

export type ActionCommand =
  | AddAction
  | ReassignOwner
  | ReportProgress
  | AddMilestone
  | CompleteMilestone
  | RescheduleDueDate
  | AttachEvidence
  | ReviewEvidence
  | MarkComplete
  | ReopenAction
  | WithdrawAction
  | SupersedeAction
  | DelegateAction
  | WithdrawDelegation
  | CorrectProgress
  | RateDeliveryConfidence;

/** Restates an earlier progress update (named by its revision in the action's stream). */
export type CorrectProgress = {
  type: 'CorrectProgress';
  data: { actionId: string; supersedesRevision: number; rag: ReportableRag; commentary: string; asAt: CalendarDate; reason: string };
};

/** How confident the owner or the board is that the action will achieve its intended impact. */
export type RateDeliveryConfidence = {
  type: 'RateDeliveryConfidence';
  data: { actionId: string; confidence: DeliveryConfidence; commentary: string; asAt: CalendarDate };
};
