import { CalendarDate } from '../shared/calendar-date';

export const MEETING_TYPES = ['BOARD', 'DFE_QUARTERLY_REVIEW'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/** What the board decided about an action; each appears in that action's timeline. */
export const DECISION_KINDS = ['EVIDENCE_ACCEPTED', 'ACTION_CLOSED', 'ESCALATED', 'DUE_DATE_AGREED', 'NOTED'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

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

export type CloseMeeting = { type: 'CloseMeeting'; data: { meetingId: string; minutesReference?: string } };

export type MeetingCommand = ScheduleMeeting | RecordAttendance | RecordDecision | CloseMeeting;
