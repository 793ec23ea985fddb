import { CalendarDate } from '../shared/calendar-date';

export type FollowUpRaised = {
  type: 'FollowUpRaised';
  data: {
    followUpId: string;
    planId: string;
    /** The meeting that asked for it; it is carried to every later meeting until done or dropped. */
    meetingId: string;
    meetingDate: CalendarDate;
    description: string;
    /**
     * v2: the owner by id, as the owner directory named them. `ownerId` (and `organisation`) is
     * null for an owner minuted as text, as every v1 event was; `userId` is set only for those.
     */
    owner: { ownerId: string | null; name: string; role: string; organisation: string | null; userId: string | null };
    dueDate: CalendarDate;
  };
};

/** `dueDate` is the new date when it moved, null when it stayed; `on` is the UK day it was written. */
export type FollowUpUpdated = { type: 'FollowUpUpdated'; data: { followUpId: string; note: string; dueDate: CalendarDate | null; on: CalendarDate } };

export type FollowUpCompleted = { type: 'FollowUpCompleted'; data: { followUpId: string; note: string; on: CalendarDate } };

export type FollowUpDropped = { type: 'FollowUpDropped'; data: { followUpId: string; note: string; on: CalendarDate } };

export type FollowUpEvent = FollowUpRaised | FollowUpUpdated | FollowUpCompleted | FollowUpDropped;

/** Current schema version of each follow-up event; bump with an upcaster, never edit in place. */
export const FOLLOW_UP_EVENT_VERSIONS: Record<FollowUpEvent['type'], number> = {
  FollowUpRaised: 2,
  FollowUpUpdated: 1,
  FollowUpCompleted: 1,
  FollowUpDropped: 1,
};
