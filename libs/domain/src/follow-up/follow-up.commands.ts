import { CalendarDate } from '../shared/calendar-date';

export const FOLLOW_UP_STATUSES = ['OPEN', 'DONE', 'DROPPED'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/**
 * Who is to do it: an owner of the owner directory (`ownerId`, with their name, role and
 * organisation as the directory gives them), whom every person linked to them may act as. A
 * follow-up minuted as text (before owners were named by id, or by the deprecated text input) has
 * no ownerId: a name and a role, and the person's user id when they sign in to the tracker.
 */
export interface FollowUpOwner {
  ownerId?: string | null;
  name: string;
  role: string;
  organisation?: string | null;
  userId?: string | null;
}

/** Something the board asked for that is not a plan action ("bring the dashboard to the next meeting"). */
export type RaiseFollowUp = {
  type: 'RaiseFollowUp';
  data: { followUpId: string; meetingId: string; description: string; owner: FollowUpOwner; dueDate: CalendarDate };
};

/** Progress on it, and a new due date if the board agreed one. */
export type UpdateFollowUp = { type: 'UpdateFollowUp'; data: { followUpId: string; note: string; dueDate?: CalendarDate | null } };

export type CompleteFollowUp = { type: 'CompleteFollowUp'; data: { followUpId: string; note: string } };

/** No longer needed (overtaken, or folded into a plan action); the note says why. */
export type DropFollowUp = { type: 'DropFollowUp'; data: { followUpId: string; note: string } };

export type FollowUpCommand = RaiseFollowUp | UpdateFollowUp | CompleteFollowUp | DropFollowUp;
