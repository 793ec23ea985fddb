import { addDays } from '../shared/calendar-date';
import { londonWallClock } from '../shared/london-day';

/**
 * Why a chain head is mailed: every week, when a board meeting is closed, and when a quarterly
 * return is signed off. Each occasion is mailed once, to the DfE adviser(s) and board chair(s) of
 * the local area, who keep the head outside the tracker's reach.
 */
export const CHAIN_HEAD_MAIL_OCCASIONS = ['WEEKLY', 'MEETING_CLOSED', 'QUARTERLY_SIGN_OFF'] as const;
export type ChainHeadMailOccasion = (typeof CHAIN_HEAD_MAIL_OCCASIONS)[number];

/** How each occasion's key begins: `week-2026-w50-<area>`, `meeting-<meetingId>`, `return-<planId>-2025-26-q2`. */
export const CHAIN_HEAD_MAIL_KEY_PREFIXES: Record<ChainHeadMailOccasion, string> = {
  WEEKLY: 'week-',
  MEETING_CLOSED: 'meeting-',
  QUARTERLY_SIGN_OFF: 'return-',
};

/** The global chain after the event at `position` (a decimal string: positions are 64-bit), as mailed. */
export interface MailedChainHead {
  position: string;
  hash: string;
}

/** One mail of a head, identified by its occasion's key (also its stream: `chain-head-<key>`). */
export interface ChainHeadMailDetails {
  key: string;
  occasion: ChainHeadMailOccasion;
  localAreaId: string;
  /** The plan whose meeting or return it marks; null for the weekly mail, which is the area's. */
  planId: string | null;
  head: MailedChainHead;
  recipients: string[];
  /** The same for every attempt at the mail, so a receiving server can tell a repeat. */
  messageId: string;
}

/**
 * Taken before sending, with the head this attempt mails: whoever appends the claim sends, so two
 * api instances never both send it. A retry claims again, with the head verified by then.
 */
export type ClaimChainHeadMail = { type: 'ClaimChainHeadMail'; data: ChainHeadMailDetails & { claimedBy: string } };

export type RecordChainHeadMailSent = { type: 'RecordChainHeadMailSent'; data: { key: string; accepted: string[]; transport: string } };

/** `permanent`: the server refused for good (a 5xx reply), so retrying cannot help. */
export type RecordChainHeadMailFailed = { type: 'RecordChainHeadMailFailed'; data: { key: string; error: string; permanent: boolean } };

export type ChainHeadMailCommand = ClaimChainHeadMail | RecordChainHeadMailSent | RecordChainHeadMailFailed;

/**
 * The ISO week (Monday to Sunday, UK local time) an instant falls in, as `2026-w50`, and whether
 * its weekly mail is due yet: from 08:00 on its Monday, when the adviser's working week begins.
 */
export function chainHeadMailWeek(instant: string): { week: string; due: boolean } {
  const wall = londonWallClock(instant);
  const date = wall.slice(0, 10);
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 Monday … 6 Sunday
  const monday = addDays(date, -weekday);
  // The ISO week belongs to the year of its Thursday.
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = Math.round((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000);
  const week = Math.floor(dayOfYear / 7) + 1;
  return { week: `${year}-w${String(week).padStart(2, '0')}`, due: wall >= `${monday}T08:00` };
}

export const weeklyChainHeadMailKey = (week: string, localAreaId: string) => `${CHAIN_HEAD_MAIL_KEY_PREFIXES.WEEKLY}${week}-${localAreaId}`;
