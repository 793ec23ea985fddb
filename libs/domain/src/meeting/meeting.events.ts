import { CalendarDate } from '../shared/calendar-date';
import { Attendee, DecisionKind, DecisionSubjectKind, MeetingType, PlanDecisionKind } from './meeting.commands';

export type MeetingScheduled = {
  type: 'MeetingScheduled';
  data: { meetingId: string; planId: string; meetingType: MeetingType; date: CalendarDate; title: string };
};

export type AttendanceRecorded = {
  type: 'AttendanceRecorded';
  data: { meetingId: string; attendees: Attendee[]; apologies: Attendee[] };
};

export type DecisionRecorded = {
  type: 'DecisionRecorded';
  data: {
    meetingId: string;
    meetingDate: CalendarDate;
    decisionId: string;
    actionId: string;
    actionRef: string;
    kind: DecisionKind;
    summary: string;
  };
};

/**
 * A decision about the plan or a risk. A new event type beside DecisionRecorded, which stays as
 * it was: every decision minuted so far is about an action and reads as one.
 */
export type PlanDecisionRecorded = {
  type: 'PlanDecisionRecorded';
  data: {
    meetingId: string;
    meetingDate: CalendarDate;
    decisionId: string;
    subjectKind: DecisionSubjectKind;
    /** Set when the subject is a risk; its reference as it was when the board decided. */
    riskId: string | null;
    riskRef: string | null;
    kind: PlanDecisionKind;
    summary: string;
  };
};

export type MeetingClosed = { type: 'MeetingClosed'; data: { meetingId: string; minutesReference: string | null } };

export type MeetingEvent = MeetingScheduled | AttendanceRecorded | DecisionRecorded | PlanDecisionRecorded | MeetingClosed;

/** Current schema version of each meeting event; bump with an upcaster, never edit in place. */
export const MEETING_EVENT_VERSIONS: Record<MeetingEvent['type'], number> = {
  MeetingScheduled: 1,
  AttendanceRecorded: 1,
  DecisionRecorded: 1,
  PlanDecisionRecorded: 1,
  MeetingClosed: 1,
};
