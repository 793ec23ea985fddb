import { createContext, useContext } from 'react';

/** What every view is drawn as at: live (null), the end of a date, or when a board meeting closed. */
export type AsAt = null | { date: string } | { meetingId: string; label: string };

export interface AsAtState {
  asAt: AsAt;
  setAsAt(asAt: AsAt): void;
}

export const AsAtContext = createContext<AsAtState>({ asAt: null, setAsAt: () => undefined });

export const useAsAt = (): AsAtState => useContext(AsAtContext);

/** The arguments every as-at-aware read of the API takes. */
export function asAtArguments(asAt: AsAt): { asAt?: string; asAtMeeting?: string } {
  if (!asAt) return {};
  return 'date' in asAt ? { asAt: asAt.date } : { asAtMeeting: asAt.meetingId };
}

export function describeAsAt(asAt: AsAt): string {
  if (!asAt) return 'live';
  return 'date' in asAt ? `as at the end of ${asAt.date}` : `as at the close of ${asAt.label}`;
}
