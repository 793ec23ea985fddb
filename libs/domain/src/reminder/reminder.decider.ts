import { CommandMetadata } from '../shared/command-metadata';
import { isEmailAddress } from '../shared/email-address';
import { requireText } from '../shared/guards';
import { REMINDER_KINDS, REMINDER_RETRY_DELAYS_MINUTES, ReminderCommand, ReminderDetails } from './reminder.commands';
import { ReminderEvent } from './reminder.events';
import { InvalidValueError } from '../shared/domain-error';
import {
  ReminderAlreadySentError,
  ReminderGivenUpError,
  ReminderNotClaimedError,
  ReminderOutcomeUnknownError,
  ReminderRecipientInvalidError,
  ReminderRetryNotDueError,
} from './reminder.errors';

export type ReminderState =
  | { status: 'absent' }
  | { status: 'claimed'; key: string; attempt: number; claimedBy: string }
  | { status: 'sent'; key: string; attempt: number }
  | { status: 'failed'; key: string; attempt: number; retryAfter: string | null };

export const initialReminderState = (): ReminderState => ({ status: 'absent' });

export function evolveReminder(state: ReminderState, event: ReminderEvent): ReminderState {
  switch (event.type) {
    case 'ReminderClaimed':
      return { status: 'claimed', key: event.data.key, attempt: event.data.attempt, claimedBy: event.data.claimedBy };
    case 'ReminderSent':
      if (state.status === 'absent') return state;
      return { status: 'sent', key: state.key, attempt: event.data.attempt };
    case 'ReminderFailed':
      if (state.status === 'absent') return state;
      return { status: 'failed', key: state.key, attempt: event.data.attempt, retryAfter: event.data.retryAfter };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

function validDetails(details: ReminderDetails): ReminderDetails {
  if (!(REMINDER_KINDS as readonly string[]).includes(details.kind)) {
    throw new InvalidValueError('kind', `isIn:${REMINDER_KINDS.join(',')}`, `kind must be one of ${REMINDER_KINDS.join(', ')}`);
  }
  if (details.recipients.length === 0) throw new InvalidValueError('recipients', 'notEmpty', 'A reminder needs at least one recipient');
  const bad = details.recipients.find((r) => !isEmailAddress(r));
  if (bad !== undefined) throw new ReminderRecipientInvalidError(bad);
  return {
    ...details,
    key: requireText('key', details.key),
    planId: requireText('planId', details.planId),
    subject: requireText('subject', details.subject),
    addressee: requireText('addressee', details.addressee),
    messageId: requireText('messageId', details.messageId),
  };
}

/** When the attempt that just failed may be followed by another, or null when it was the last. */
export function retryAfter(attempt: number, failedAt: string, permanent: boolean): string | null {
  const delay = REMINDER_RETRY_DELAYS_MINUTES[attempt - 1];
  if (permanent || delay === undefined) return null;
  return new Date(Date.parse(failedAt) + delay * 60_000).toISOString();
}

export function decideReminder(command: ReminderCommand, state: ReminderState, metadata: CommandMetadata): ReminderEvent[] {
  switch (command.type) {
    case 'ClaimReminder': {
      const { claimedBy, ...details } = command.data;
      let attempt = 1;
      if (state.status === 'sent') throw new ReminderAlreadySentError(state.key);
      if (state.status === 'claimed') throw new ReminderOutcomeUnknownError(state.key, state.claimedBy);
      if (state.status === 'failed') {
        if (state.retryAfter === null) throw new ReminderGivenUpError(state.key, state.attempt);
        if (metadata.now < state.retryAfter) throw new ReminderRetryNotDueError(state.key, state.retryAfter);
        attempt = state.attempt + 1;
      }
      const valid = validDetails(details);
      return [{ type: 'ReminderClaimed', data: { ...valid, attempt, claimedBy: requireText('claimedBy', claimedBy), claimedAt: metadata.now } }];
    }
    case 'RecordReminderSent': {
      if (state.status !== 'claimed') throw new ReminderNotClaimedError(command.data.reminderId);
      const { reminderId, accepted, transport } = command.data;
      return [{ type: 'ReminderSent', data: { reminderId, attempt: state.attempt, sentAt: metadata.now, accepted, transport } }];
    }
    case 'RecordReminderFailed': {
      if (state.status !== 'claimed') throw new ReminderNotClaimedError(command.data.reminderId);
      const { reminderId, error, permanent } = command.data;
      return [
        {
          type: 'ReminderFailed',
          data: {
            reminderId,
            attempt: state.attempt,
            failedAt: metadata.now,
            // Server replies can be long and multi-line; the first 500 characters say what went wrong.
            error: (error.trim() || 'unknown error').slice(0, 500),
            retryAfter: retryAfter(state.attempt, metadata.now, permanent),
          },
        },
      ];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
