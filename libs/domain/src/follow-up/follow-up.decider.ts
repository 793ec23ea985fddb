/**
 * What the rules read of the person a follow-up names, by shape: a folded user stream has it. (The
 * access folder imports every concept's commands, so importing its user state here would make a cycle.)
 */
export type NamedUser = { exists: false } | { exists: true; userId: string; grants: { localAreaId: string }[] };
import { MeetingState } from '../meeting/meeting.decider';
import { MeetingClosedError, MeetingNotFoundError, MeetingNotYetHeldError } from '../meeting/meeting.errors';
import { CommandMetadata } from '../shared/command-metadata';
import { londonDateOf } from '../shared/london-day';
import { requireDate, requireText } from '../shared/guards';
import { FollowUpCommand, FollowUpOwner, FollowUpStatus } from './follow-up.commands';
import { FollowUpEvent, FollowUpRaised } from './follow-up.events';
import { FollowUpAlreadyExistsError, FollowUpClosedError, FollowUpDueBeforeMeetingError, FollowUpNotFoundError, FollowUpOwnerUnknownError } from './follow-up.errors';

export type FollowUpState =
  | { exists: false }
  | {
      exists: true;
      followUpId: string;
      planId: string;
      meetingId: string;
      meetingDate: string;
      /** The owner it names: every person linked to them may report on it. */
      ownerId: string | null;
      /** Only on a follow-up whose owner was minuted as text: the one person who may report on it. */
      ownerUserId: string | null;
      dueDate: string;
      status: FollowUpStatus;
    };

/**
 * What raising one reads from other streams: the meeting that asks for it, and, when the owner
 * is named as a user, that user and the plan's area they must work in.
 */
export interface FollowUpDecisionContext {
  meeting?: MeetingState;
  ownerUser?: NamedUser;
  localAreaId?: string;
}

export const initialFollowUpState = (): FollowUpState => ({ exists: false });

export function evolveFollowUp(state: FollowUpState, event: FollowUpEvent): FollowUpState {
  if (event.type === 'FollowUpRaised') {
    const { followUpId, planId, meetingId, meetingDate, owner, dueDate } = event.data;
    return { exists: true, followUpId, planId, meetingId, meetingDate, ownerId: owner.ownerId, ownerUserId: owner.userId, dueDate, status: 'OPEN' };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'FollowUpUpdated':
      return { ...state, dueDate: event.data.dueDate ?? state.dueDate };
    case 'FollowUpCompleted':
      return { ...state, status: 'DONE' };
    case 'FollowUpDropped':
      return { ...state, status: 'DROPPED' };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** A due date is a real date and not before the meeting that asked for the follow-up. */
function dueDateFrom(value: string | undefined | null, meetingDate: string): string {
  const dueDate = requireDate('dueDate', value);
  if (dueDate < meetingDate) throw new FollowUpDueBeforeMeetingError(dueDate, meetingDate);
  return dueDate;
}

/**
 * An owner by id carries the directory's organisation and no user id (whoever is linked to them
 * acts as them); an owner as text keeps the user id it names, if any.
 */
function ownerOf(given: FollowUpOwner | undefined): FollowUpRaised['data']['owner'] {
  const name = requireText('owner.name', given?.name);
  const role = requireText('owner.role', given?.role);
  const ownerId = given?.ownerId?.trim() || null;
  if (ownerId !== null) return { ownerId, name, role, organisation: requireText('owner.organisation', given?.organisation), userId: null };
  return { ownerId: null, name, role, organisation: given?.organisation?.trim() || null, userId: given?.userId?.trim() || null };
}

export function decideFollowUp(command: FollowUpCommand, state: FollowUpState, metadata: CommandMetadata, context: FollowUpDecisionContext = {}): FollowUpEvent[] {
  const today = londonDateOf(metadata.now);
  if (command.type === 'RaiseFollowUp') {
    const d = command.data;
    if (state.exists) throw new FollowUpAlreadyExistsError(d.followUpId);
    const meeting = context.meeting;
    // Raised at a meeting: the same rules as the rest of its record.
    if (!meeting?.exists) throw new MeetingNotFoundError(d.meetingId);
    if (meeting.closed) throw new MeetingClosedError(meeting.title);
    if (today < meeting.date) throw new MeetingNotYetHeldError(meeting.date);
    const description = requireText('description', d.description);
    const owner = ownerOf(d.owner);
    if (owner.userId !== null) {
      const user = context.ownerUser;
      if (!user?.exists || user.userId !== owner.userId || !user.grants.some((g) => g.localAreaId === context.localAreaId)) throw new FollowUpOwnerUnknownError(owner.userId);
    }
    const dueDate = dueDateFrom(d.dueDate, meeting.date);
    return [{ type: 'FollowUpRaised', data: { followUpId: d.followUpId, planId: meeting.planId, meetingId: meeting.meetingId, meetingDate: meeting.date, description, owner, dueDate } }];
  }
  if (!state.exists) throw new FollowUpNotFoundError(command.data.followUpId);
  if (state.status !== 'OPEN') throw new FollowUpClosedError(state.status);
  const { followUpId } = state;
  const note = requireText('note', command.data.note);
  switch (command.type) {
    case 'UpdateFollowUp': {
      const moved = command.data.dueDate === undefined || command.data.dueDate === null ? null : dueDateFrom(command.data.dueDate, state.meetingDate);
      return [{ type: 'FollowUpUpdated', data: { followUpId, note, dueDate: moved === state.dueDate ? null : moved, on: today } }];
    }
    case 'CompleteFollowUp':
      return [{ type: 'FollowUpCompleted', data: { followUpId, note, on: today } }];
    case 'DropFollowUp':
      return [{ type: 'FollowUpDropped', data: { followUpId, note, on: today } }];
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
