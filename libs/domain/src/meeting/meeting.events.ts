import { CalendarDate } from '../shared/calendar-date';
import { Attendee, DecisionKind, MeetingType } from './meeting.commands';

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

export type MeetingClosed = { type: 'MeetingClosed'; data: { meetingId: string; minutesReference: string | null } };

export type MeetingEvent = MeetingScheduled | AttendanceRecorded | DecisionRecorded | MeetingClosed;

/** Current schema version of each meeting event; bump with an upcaster, never edit in place. */
export const MEETING_EVENT_VERSIONS: Record<MeetingEvent['type'], number> = {
  MeetingScheduled: 1,
  AttendanceRecorded: 1,
  DecisionRecorded: 1,
  MeetingClosed: 1,
};
