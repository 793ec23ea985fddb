import { CalendarDate } from '../shared/calendar-date';

export const MEETING_TYPES = ['BOARD', 'DFE_QUARTERLY_REVIEW'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/** What the board decided about an action; each appears in that action's timeline. */
export const DECISION_KINDS = ['EVIDENCE_ACCEPTED', 'ACTION_CLOSED', 'ESCALATED', 'DUE_DATE_AGREED', 'NOTED'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/**
 * What the board decided about the plan as a whole or about one risk. Tolerating a risk or
 * directing more mitigation only makes sense of a risk, so those two are refused for the plan.
 */
export const PLAN_DECISION_KINDS = ['AGREED', 'NOTED', 'ESCALATED', 'RISK_TOLERATED', 'FURTHER_MITIGATION'] as const;
export type PlanDecisionKind = (typeof PLAN_DECISION_KINDS)[number];
export const RISK_ONLY_DECISION_KINDS: readonly PlanDecisionKind[] = ['RISK_TOLERATED', 'FURTHER_MITIGATION'];

export const DECISION_SUBJECTS = ['PLAN', 'RISK'] as const;
export type DecisionSubjectKind = (typeof DECISION_SUBJECTS)[number];
export type DecisionSubject = { kind: 'PLAN' } | { kind: 'RISK'; riskId: string };

export interface Attendee {
  name: string;
  /** Role and organisation as minuted, e.g. "Independent chair" or "DfE SEND adviser". */
  capacity: string;
}

export type ScheduleMeeting = {
  type: 'ScheduleMeeting';
  data: { meetingId: string; planId: string; meetingType: MeetingType; date: CalendarDate; title: string };
};

export type RecordAttendance = {
  type: 'RecordAttendance';
  data: { meetingId: string; attendees: Attendee[]; apologies: Attendee[] };
};

export type RecordDecision = {
  type: 'RecordDecision';
  data: { meetingId: string; decisionId: string; actionId: string; kind: DecisionKind; summary: string };
};

/** A decision not tied to one action: about the plan, or about a risk (an escalated one, typically). */
export type RecordPlanDecision = {
  type: 'RecordPlanDecision';
  data: { meetingId: string; decisionId: string; subject: DecisionSubject; kind: PlanDecisionKind; summary: string };
};

export type CloseMeeting = { type: 'CloseMeeting'; data: { meetingId: string; minutesReference?: string } };

export type MeetingCommand = ScheduleMeeting | RecordAttendance | RecordDecision | RecordPlanDecision | CloseMeeting;
