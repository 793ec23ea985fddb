import { CommandMetadata } from '../shared/command-metadata';
import { isEmailAddress } from '../shared/email-address';
import { InvalidValueError } from '../shared/domain-error';
import { requireText } from '../shared/guards';
import { retryAfter } from '../reminder/reminder.decider';
import { HistoryBreakCommand, HistoryBreakDetails, historyBreakId, MAX_ACKNOWLEDGEMENT_REASON_LENGTH } from './history-break.commands';
import { HistoryBreakEvent } from './history-break.events';
import { HistoryBreakAlertStateError, HistoryBreakAlreadyAcknowledgedError, HistoryBreakNotFoundError } from './history-break.errors';

export type HistoryBreakAlert =
  | { status: 'claimed'; attempt: number; claimedBy: string }
  | { status: 'sent'; attempt: number }
  | { status: 'failed'; attempt: number; retryAfter: string | null };

export type HistoryBreakState =
  | { status: 'absent' }
  | {
      status: 'open' | 'acknowledged';
      details: HistoryBreakDetails;
      detectedAt: string;
      alert: HistoryBreakAlert;
      acknowledgement: { reason: string; acknowledgedBy: string; acknowledgedAt: string } | null;
    };

export const initialHistoryBreakState = (): HistoryBreakState => ({ status: 'absent' });

export function evolveHistoryBreak(state: HistoryBreakState, event: HistoryBreakEvent): HistoryBreakState {
  if (event.type === 'HistoryBreakDetected') {
    const { detectedBy, detectedAt, ...details } = event.data;
    return { status: 'open', details, detectedAt, alert: { status: 'claimed', attempt: 1, claimedBy: detectedBy }, acknowledgement: null };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'HistoryBreakAlertSent':
      return { ...state, alert: { status: 'sent', attempt: event.data.attempt } };
    case 'HistoryBreakAlertFailed':
      return { ...state, alert: { status: 'failed', attempt: event.data.attempt, retryAfter: event.data.retryAfter } };
    case 'HistoryBreakAlertRetryClaimed':
      return { ...state, alert: { status: 'claimed', attempt: event.data.attempt, claimedBy: event.data.claimedBy } };
    case 'HistoryBreakAcknowledged': {
      const { reason, acknowledgedBy, acknowledgedAt } = event.data;
      return { ...state, status: 'acknowledged', acknowledgement: { reason, acknowledgedBy, acknowledgedAt } };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

function validDetails(details: HistoryBreakDetails): HistoryBreakDetails {
  const position = requireText('position', details.position);
  if (!/^[1-9][0-9]{0,18}$/.test(position)) throw new InvalidValueError('position', 'isPosition', 'position must be a positive whole number');
  const kind = requireText('kind', details.kind);
  if (details.breakId !== historyBreakId(position, kind)) {
    throw new InvalidValueError('breakId', 'matchesBreak', `breakId must be ${historyBreakId(position, kind)} for a ${kind} break at position ${position}`);
  }
  return { ...details, position, kind, message: requireText('message', details.message) };
}

export function decideHistoryBreak(command: HistoryBreakCommand, state: HistoryBreakState, metadata: CommandMetadata): HistoryBreakEvent[] {
  switch (command.type) {
    case 'RecordHistoryBreak': {
      // Found again (another instance, the next full check): already recorded, and its alert already claimed.
      if (state.status !== 'absent') return [];
      const { detectedBy, ...details } = command.data;
      return [{ type: 'HistoryBreakDetected', data: { ...validDetails(details), detectedBy: requireText('detectedBy', detectedBy), detectedAt: metadata.now } }];
    }
    case 'RecordHistoryBreakAlertSent': {
      const { breakId, recipients, accepted, transport, messageId } = command.data;
      if (state.status === 'absent') throw new HistoryBreakNotFoundError(breakId);
      if (state.alert.status !== 'claimed') throw new HistoryBreakAlertStateError(breakId, 'is not claimed, so no outcome can be recorded for it');
      const bad = recipients.find((r) => !isEmailAddress(r));
      if (bad !== undefined) throw new InvalidValueError('recipients', 'isEmail', `recipients must be email addresses, got "${bad}"`);
      return [{ type: 'HistoryBreakAlertSent', data: { breakId, attempt: state.alert.attempt, recipients, accepted, transport, messageId, sentAt: metadata.now } }];
    }
    case 'RecordHistoryBreakAlertFailed': {
      const { breakId, error, permanent } = command.data;
      if (state.status === 'absent') throw new HistoryBreakNotFoundError(breakId);
      if (state.alert.status !== 'claimed') throw new HistoryBreakAlertStateError(breakId, 'is not claimed, so no outcome can be recorded for it');
      const attempt = state.alert.attempt;
      return [
        {
          type: 'HistoryBreakAlertFailed',
          data: { breakId, attempt, error: (error.trim() || 'unknown error').slice(0, 500), failedAt: metadata.now, retryAfter: retryAfter(attempt, metadata.now, permanent) },
        },
      ];
    }
    case 'ClaimHistoryBreakAlertRetry': {
      const { breakId, claimedBy } = command.data;
      if (state.status === 'absent') throw new HistoryBreakNotFoundError(breakId);
      const alert = state.alert;
      if (alert.status !== 'failed') throw new HistoryBreakAlertStateError(breakId, alert.status === 'sent' ? 'was sent' : `was claimed by ${alert.claimedBy} and has no recorded outcome`);
      if (alert.retryAfter === null) throw new HistoryBreakAlertStateError(breakId, `was given up after ${alert.attempt} attempt(s)`);
      if (metadata.now < alert.retryAfter) throw new HistoryBreakAlertStateError(breakId, `failed; the next attempt is due at ${alert.retryAfter}`);
      return [{ type: 'HistoryBreakAlertRetryClaimed', data: { breakId, attempt: alert.attempt + 1, claimedBy: requireText('claimedBy', claimedBy), claimedAt: metadata.now } }];
    }
    case 'AcknowledgeHistoryBreak': {
      const { breakId } = command.data;
      const reason = requireText('reason', command.data.reason);
      if (reason.length > MAX_ACKNOWLEDGEMENT_REASON_LENGTH) {
        throw new InvalidValueError('reason', 'maxLength', `reason must be at most ${MAX_ACKNOWLEDGEMENT_REASON_LENGTH} characters`);
      }
      if (state.status === 'absent') throw new HistoryBreakNotFoundError(breakId);
      if (state.status === 'acknowledged') throw new HistoryBreakAlreadyAcknowledgedError(breakId, state.acknowledgement!.acknowledgedAt);
      const by = metadata.actor?.userId;
      if (!by) throw new InvalidValueError('actor', 'required', 'An acknowledgement must be made by a signed-in person');
      return [{ type: 'HistoryBreakAcknowledged', data: { breakId, reason, acknowledgedBy: by, acknowledgedAt: metadata.now } }];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
