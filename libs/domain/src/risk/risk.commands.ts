import { ActionOwner } from '../action/action-owner';
import { CalendarDate } from '../shared/calendar-date';
import { RiskRating } from './risk-rating';

export const RISK_STATUSES = ['OPEN', 'CLOSED', 'BECAME_ISSUE'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export const MITIGATION_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE', 'DROPPED'] as const;
export type MitigationStatus = (typeof MITIGATION_STATUSES)[number];

/** What a risk threatens: areas and priorities of its plan, and actions in it. */
export interface RiskLinks {
  areaNumbers: number[];
  priorityNumbers: number[];
  actionIds: string[];
}

export interface RiskTarget extends RiskRating {
  /** The date the board expects mitigation to have brought the risk down to the target score. */
  byDate: CalendarDate;
}

export type RaiseRisk = {
  type: 'RaiseRisk';
  data: RiskLinks & {
    riskId: string;
    planId: string;
    ref: string;
    title: string;
    description: string;
    cause: string;
    consequence: string;
    owner: ActionOwner;
    /** Before any mitigation. */
    inherent: RiskRating;
    /** With the mitigations in place today. */
    current: RiskRating;
    target: RiskTarget;
    reviewDate: CalendarDate;
  };
};

export type RescoreRisk = {
  type: 'RescoreRisk';
  data: { riskId: string; current: RiskRating; commentary: string; asAt: CalendarDate };
};

export type ChangeRiskLinks = { type: 'ChangeRiskLinks'; data: RiskLinks & { riskId: string } };

export type ReviseRiskTarget = { type: 'ReviseRiskTarget'; data: { riskId: string; target: RiskTarget; reason: string } };

export type SetRiskReviewDate = { type: 'SetRiskReviewDate'; data: { riskId: string; reviewDate: CalendarDate } };

export type AddMitigation = {
  type: 'AddMitigation';
  data: { riskId: string; mitigationId: string; description: string; owner: ActionOwner; dueDate: CalendarDate };
};

export type ChangeMitigationStatus = {
  type: 'ChangeMitigationStatus';
  data: { riskId: string; mitigationId: string; status: MitigationStatus; commentary?: string };
};

/** The risk passes to someone else: the reason is minuted, as a change of who answers for it. */
export type ReassignRiskOwner = { type: 'ReassignRiskOwner'; data: { riskId: string; owner: ActionOwner; reason: string } };

export type CloseRisk = { type: 'CloseRisk'; data: { riskId: string; reason: string } };

/** The risk has happened: it is now an issue the board manages, and leaves the register's open list. */
export type RecordRiskAsIssue = { type: 'RecordRiskAsIssue'; data: { riskId: string; commentary: string } };

export type RiskCommand =
  | RaiseRisk
  | RescoreRisk
  | ChangeRiskLinks
  | ReviseRiskTarget
  | SetRiskReviewDate
  | AddMitigation
  | ChangeMitigationStatus
  | ReassignRiskOwner
  | CloseRisk
  | RecordRiskAsIssue;
