import { CommandMetadata } from '../shared/command-metadata';
import { InvalidValueError } from '../shared/domain-error';
import { isEmailAddress } from '../shared/email-address';
import { requireText } from '../shared/guards';
import { retryAfter } from '../reminder/reminder.decider';
import { CHAIN_HEAD_MAIL_KEY_PREFIXES, CHAIN_HEAD_MAIL_OCCASIONS, ChainHeadMailCommand, ChainHeadMailDetails, MailedChainHead } from './chain-head-mail.commands';
import { ChainHeadMailEvent } from './chain-head-mail.events';
import {
  ChainHeadMailAlreadySentError,
  ChainHeadMailGivenUpError,
  ChainHeadMailNotClaimedError,
  ChainHeadMailOutcomeUnknownError,
  ChainHeadMailRetryNotDueError,
} from './chain-head-mail.errors';

/** What every claimed mail keeps: the head its latest attempt mailed. */
type Recorded = { key: string; attempt: number; head: MailedChainHead };

export type ChainHeadMailState =
  | { status: 'absent' }
  | (Recorded & { status: 'claimed'; claimedBy: string })
  | (Recorded & { status: 'sent'; sentAt: string })
  | (Recorded & { status: 'failed'; retryAfter: string | null });

export const initialChainHeadMailState = (): ChainHeadMailState => ({ status: 'absent' });

export function evolveChainHeadMail(state: ChainHeadMailState, event: ChainHeadMailEvent): ChainHeadMailState {
  switch (event.type) {
    case 'ChainHeadMailClaimed':
      return { status: 'claimed', key: event.data.key, attempt: event.data.attempt, head: event.data.head, claimedBy: event.data.claimedBy };
    case 'ChainHeadMailSent':
      if (state.status === 'absent') return state;
      return { key: state.key, head: state.head, status: 'sent', attempt: event.data.attempt, sentAt: event.data.sentAt };
    case 'ChainHeadMailFailed':
      if (state.status === 'absent') return state;
      return { key: state.key, head: state.head, status: 'failed', attempt: event.data.attempt, retryAfter: event.data.retryAfter };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

const POSITION = /^[1-9][0-9]{0,18}$/;
const SHA256 = /^[0-9a-f]{64}$/;

function validDetails(details: ChainHeadMailDetails): ChainHeadMailDetails {
  const { occasion } = details;
  if (!(CHAIN_HEAD_MAIL_OCCASIONS as readonly string[]).includes(occasion)) {
    throw new InvalidValueError('occasion', `isIn:${CHAIN_HEAD_MAIL_OCCASIONS.join(',')}`, `occasion must be one of ${CHAIN_HEAD_MAIL_OCCASIONS.join(', ')}`);
  }
  const key = requireText('key', details.key);
  const prefix = CHAIN_HEAD_MAIL_KEY_PREFIXES[occasion];
  if (!key.startsWith(prefix) || key.length === prefix.length) {
    throw new InvalidValueError('key', 'matchesOccasion', `key must begin "${prefix}" for a ${occasion} mail, got "${key}"`);
  }
  // The weekly mail is the area's; a meeting's or a return's belongs to one plan.
  const planId = occasion === 'WEEKLY' ? null : requireText('planId', details.planId);
  if (occasion === 'WEEKLY' && details.planId !== null) throw new InvalidValueError('planId', 'isNull', 'planId must be null for a WEEKLY mail, which is for the whole local area');
  const position = requireText('head.position', details.head?.position);
  if (!POSITION.test(position)) throw new InvalidValueError('head.position', 'isPosition', `head.position must be a positive whole number of at most 19 digits, got "${position}"`);
  const hash = requireText('head.hash', details.head?.hash).toLowerCase();
  if (!SHA256.test(hash)) throw new InvalidValueError('head.hash', 'isSha256', 'head.hash must be 64 hexadecimal characters (a SHA-256)');
  if (details.recipients.length === 0) throw new InvalidValueError('recipients', 'notEmpty', 'A chain head mail needs at least one recipient');
  const bad = details.recipients.find((r) => !isEmailAddress(r));
  if (bad !== undefined) throw new InvalidValueError('recipients', 'isEmail', `recipients must be email addresses, got "${bad}"`);
  return {
    key,
    occasion,
    localAreaId: requireText('localAreaId', details.localAreaId),
    planId,
    head: { position, hash },
    recipients: details.recipients,
    messageId: requireText('messageId', details.messageId),
  };
}

export function decideChainHeadMail(command: ChainHeadMailCommand, state: ChainHeadMailState, metadata: CommandMetadata): ChainHeadMailEvent[] {
  switch (command.type) {
    case 'ClaimChainHeadMail': {
      const { claimedBy, ...details } = command.data;
      let attempt = 1;
      if (state.status === 'sent') throw new ChainHeadMailAlreadySentError(state.key, state.sentAt);
      if (state.status === 'claimed') throw new ChainHeadMailOutcomeUnknownError(state.key, state.claimedBy);
      if (state.status === 'failed') {
        if (state.retryAfter === null) throw new ChainHeadMailGivenUpError(state.key, state.attempt);
        if (metadata.now < state.retryAfter) throw new ChainHeadMailRetryNotDueError(state.key, state.retryAfter);
        attempt = state.attempt + 1;
      }
      return [{ type: 'ChainHeadMailClaimed', data: { ...validDetails(details), attempt, claimedBy: requireText('claimedBy', claimedBy), claimedAt: metadata.now } }];
    }
    case 'RecordChainHeadMailSent': {
      if (state.status !== 'claimed') throw new ChainHeadMailNotClaimedError(command.data.key);
      const { key, accepted, transport } = command.data;
      return [{ type: 'ChainHeadMailSent', data: { key, attempt: state.attempt, sentAt: metadata.now, accepted, transport } }];
    }
    case 'RecordChainHeadMailFailed': {
      if (state.status !== 'claimed') throw new ChainHeadMailNotClaimedError(command.data.key);
      const { key, error, permanent } = command.data;
      return [
        {
          type: 'ChainHeadMailFailed',
          data: {
            key,
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
