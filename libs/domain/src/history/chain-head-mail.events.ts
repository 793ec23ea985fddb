import { ChainHeadMailDetails } from './chain-head-mail.commands';

/** `attempt` counts attempts from 1; each claim records the head that attempt mails. */
export type ChainHeadMailClaimed = {
  type: 'ChainHeadMailClaimed';
  data: ChainHeadMailDetails & { attempt: number; claimedBy: string; claimedAt: string };
};

/** `accepted`: the addresses the mail server took; `transport`: smtp or folder. */
export type ChainHeadMailSent = {
  type: 'ChainHeadMailSent';
  data: { key: string; attempt: number; sentAt: string; accepted: string[]; transport: string };
};

/** `retryAfter` null: given up (a permanent refusal, or the last attempt). */
export type ChainHeadMailFailed = {
  type: 'ChainHeadMailFailed';
  data: { key: string; attempt: number; failedAt: string; error: string; retryAfter: string | null };
};

export type ChainHeadMailEvent = ChainHeadMailClaimed | ChainHeadMailSent | ChainHeadMailFailed;

/** Current schema version of each chain head mail event; bump with an upcaster, never edit in place. */
export const CHAIN_HEAD_MAIL_EVENT_VERSIONS: Record<ChainHeadMailEvent['type'], number> = {
  ChainHeadMailClaimed: 1,
  ChainHeadMailSent: 1,
  ChainHeadMailFailed: 1,
};
