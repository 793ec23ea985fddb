import { ActionOwner } from '../action/action-owner';
import { CalendarDate } from '../shared/calendar-date';
import { MitigationStatus, RiskLinks, RiskTarget } from './risk.commands';
import { RiskRating } from './risk-rating';

/** Scores and bands are not stored: they follow from the ratings by the matrix in risk-rating.ts. */
export type RiskRaised = {
  type: 'RiskRaised';
  data: RiskLinks & {
    riskId: string;
    planId: string;
    ref: string;
    title: string;
    description: string;
    cause: string;
    consequence: string;
    owner: ActionOwner;
    inherent: RiskRating;
    current: RiskRating;
    target: RiskTarget;
    reviewDate: CalendarDate;
  };
};

/** `previous` is recorded so "rising" can be read from one event, without the history before it. */
export type RiskRescored = {
  type: 'RiskRescored';
  data: { riskId: string; previous: RiskRating; current: RiskRating; commentary: string; asAt: CalendarDate };
};

export type RiskLinksChanged = { type: 'RiskLinksChanged'; data: RiskLinks & { riskId: string } };

export type RiskTargetRevised = { type: 'RiskTargetRevised'; data: { riskId: string; target: RiskTarget; reason: string } };

export type RiskReviewDateSet = { type: 'RiskReviewDateSet'; data: { riskId: string; reviewDate: CalendarDate } };

export type MitigationAdded = {
  type: 'MitigationAdded';
  data: { riskId: string; mitigationId: string; description: string; owner: ActionOwner; dueDate: CalendarDate };
};

export type MitigationStatusChanged = {
  type: 'MitigationStatusChanged';
  data: { riskId: string; mitigationId: string; from: MitigationStatus; to: MitigationStatus; commentary: string | null };
};

/** `previousOwner` is recorded so the history reads "from whom to whom" from one event. */
export type RiskOwnerReassigned = { type: 'RiskOwnerReassigned'; data: { riskId: string; owner: ActionOwner; previousOwner: ActionOwner; reason: string } };

export type RiskClosed = { type: 'RiskClosed'; data: { riskId: string; reason: string } };

export type RiskBecameIssue = { type: 'RiskBecameIssue'; data: { riskId: string; commentary: string } };

export type RiskEvent =
  | RiskRaised
  | RiskRescored
  | RiskLinksChanged
  | RiskTargetRevised
  | RiskReviewDateSet
  | MitigationAdded
  | MitigationStatusChanged
  | RiskOwnerReassigned
  | RiskClosed
  | RiskBecameIssue;

/** Current schema version of each risk event; bump with an upcaster, never edit in place. */
export const RISK_EVENT_VERSIONS: Record<RiskEvent['type'], number> = {
  RiskRaised: 1,
  RiskRescored: 1,
  RiskLinksChanged: 1,
  RiskTargetRevised: 1,
  RiskReviewDateSet: 1,
  MitigationAdded: 1,
  MitigationStatusChanged: 1,
  RiskOwnerReassigned: 1,
  RiskClosed: 1,
  RiskBecameIssue: 1,
};
