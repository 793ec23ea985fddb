import { createContext, useContext } from 'react';
import { longDate } from '../shared/uk-dates';

/**
 * What every view is drawn as at: live (null), the end of a date, or when a board meeting closed;
 * `knownNow` adds the corrections recorded since, instead of what was known then.
 */
export type AsAt = null | { date: string; knownNow?: boolean } | { meetingId: string; label: string; knownNow?: boolean };

export interface AsAtState {
  asAt: AsAt;
  setAsAt(asAt: AsAt): void;
}

export const AsAtContext = createContext<AsAtState>({ asAt: null, setAsAt: () => undefined });

export const useAsAt = (): AsAtState => useContext(AsAtContext);

/** The arguments every as-at-aware read of the API takes. */
export function asAtArguments(asAt: AsAt): { recordedBy?: string; asAtMeeting?: string; knownAt?: string } {
  if (!asAt) return {};
  const known = asAt.knownNow ? { knownAt: 'now' } : {};
  return 'date' in asAt ? { recordedBy: asAt.date, ...known } : { asAtMeeting: asAt.meetingId, ...known };
}

export function describeAsAt(asAt: AsAt): string {
  if (!asAt) return 'live';
  const when = 'date' in asAt ? `as at the end of ${longDate(asAt.date)}` : `as at the close of ${asAt.label}`;
  return asAt.knownNow ? `${when}, as now known (with corrections recorded since)` : `${when}, as known then`;
}
