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
  ReminderNotFoundError,
  ReminderRecipientInvalidError,
  ReminderResendConflictError,
  ReminderRetryNotDueError,
} from './reminder.errors';
import { ukDateTime } from '../shared/uk-dates';

/**
 * What every recorded reminder keeps: `attempt` counts every attempt ever made, `sendStartedAfter`
 * the attempts made before the current send began (0, or those before the latest re-send request),
 * so each re-send gets the whole back-off afresh; `resends` counts the re-sends asked for.
 */
type Recorded = { key: string; planId: string; attempt: number; sendStartedAfter: number; resends: number };

export type ReminderState =
  | { status: 'absent' }
  | (Recorded & { status: 'claimed'; claimedBy: string })
  | (Recorded & { status: 'sent' })
  | (Recorded & { status: 'failed'; retryAfter: string | null })
  | (Recorded & { status: 'resendRequested'; requestedBy: string });

export const initialReminderState = (): ReminderState => ({ status: 'absent' });

export function evolveReminder(state: ReminderState, event: ReminderEvent): ReminderState {
  switch (event.type) {
    case 'ReminderClaimed': {
      const before = state.status === 'absent' ? { sendStartedAfter: 0, resends: 0 } : { sendStartedAfter: state.sendStartedAfter, resends: state.resends };
      return { status: 'claimed', key: event.data.key, planId: event.data.planId, attempt: event.data.attempt, claimedBy: event.data.claimedBy, ...before };
    }
    case 'ReminderSent':
      if (state.status === 'absent') return state;
      return { ...recordedOf(state), status: 'sent', attempt: event.data.attempt };
    case 'ReminderFailed':
      if (state.status === 'absent') return state;
      return { ...recordedOf(state), status: 'failed', attempt: event.data.attempt, retryAfter: event.data.retryAfter };
    case 'ReminderResendRequested':
      if (state.status === 'absent') return state;
      return { ...recordedOf(state), status: 'resendRequested', sendStartedAfter: state.attempt, resends: state.resends + 1, requestedBy: event.data.requestedBy };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

const recordedOf = ({ key, planId, attempt, sendStartedAfter, resends }: Recorded): Recorded => ({ key, planId, attempt, sendStartedAfter, resends });

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

/** When the attempt that just failed (the send's 1st, 2nd …) may be followed by another, or null when it was the last. */
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
        if (state.retryAfter === null) throw new ReminderGivenUpError(state.key, state.attempt - state.sendStartedAfter);
        if (metadata.now < state.retryAfter) throw new ReminderRetryNotDueError(state.key, state.retryAfter);
        attempt = state.attempt + 1;
      }
      // Asked for on purpose: the claim is the re-send's first attempt, taken by one instance only as any claim is.
      if (state.status === 'resendRequested') attempt = state.attempt + 1;
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
            retryAfter: retryAfter(state.attempt - state.sendStartedAfter, metadata.now, permanent),
          },
        },
      ];
    }
    case 'RequestReminderResend': {
      const { reminderId } = command.data;
      if (state.status === 'absent') throw new ReminderNotFoundError(reminderId);
      if (state.status === 'claimed') {
        throw new ReminderResendConflictError(state.key, 'reminderSentOrGivenUp', `attempt ${state.attempt} is being sent now (claimed by ${state.claimedBy}) and has no recorded outcome`);
      }
      if (state.status === 'failed' && state.retryAfter !== null) {
        throw new ReminderResendConflictError(state.key, 'reminderSentOrGivenUp', `attempt ${state.attempt} failed and the tracker tries again at ${ukDateTime(state.retryAfter)}`);
      }
      if (state.status === 'resendRequested') {
        throw new ReminderResendConflictError(state.key, 'noResendWaiting', `${state.requestedBy} has already asked for it to be sent again, and it has not gone yet`);
      }
      const reason = requireText('reason', command.data.reason);
      return [{ type: 'ReminderResendRequested', data: { reminderId, requestedBy: metadata.actor?.userId ?? 'system', reason, requestedAt: metadata.now } }];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
