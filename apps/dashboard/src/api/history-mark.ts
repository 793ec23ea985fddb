import { useSyncExternalStore } from 'react';

/**
 * What the API puts in `extensions.history` on every answer while the recorded history does not
 * verify (apps/api/src/history/history-integrity.plugin.ts); an intact history adds nothing.
 */
export interface HistoryMark {
  verified: false;
  /** `<position>-<kind>`, as historyIntegrity and acknowledgeHistoryBreak name the break. */
  breakId: string;
  kind: string;
  position: string;
  acknowledged: boolean;
  writesRefused: boolean;
}

let current: HistoryMark | null = null;
const listeners = new Set<() => void>();

function isMark(value: unknown): value is HistoryMark {
  const v = value as Partial<HistoryMark> | null;
  return typeof v === 'object' && v !== null && v.verified === false && typeof v.breakId === 'string';
}

/**
 * Takes the mark from one answer the API gave: its presence says the history is broken, its
 * absence that it verifies (again). Called for every answer by the one GraphQL client, so no view
 * has to ask; the same mark again changes nothing, so the banner does not redraw on every answer.
 * `X-History-Break` (set when the request arrived) covers an answer refused before GraphQL ran,
 * which carries no extensions: that alone must not clear the banner.
 */
export function noteHistoryMark(extensions: Record<string, unknown> | undefined, historyBreakHeader: string | null): void {
  const found = extensions?.history;
  let next: HistoryMark | null;
  if (isMark(found)) {
    next = { verified: false, breakId: found.breakId, kind: String(found.kind), position: String(found.position), acknowledged: found.acknowledged === true, writesRefused: found.writesRefused === true };
  } else if (historyBreakHeader) {
    if (current) return;
    next = markFromHeader(historyBreakHeader);
  } else {
    next = null;
  }
  if (JSON.stringify(next) === JSON.stringify(current)) return;
  current = next;
  for (const listener of listeners) listener();
}

/** `<position>-<kind>[; acknowledged]`, as the API's header gives it. */
function markFromHeader(header: string): HistoryMark | null {
  const match = /^(\d+)-([a-z_]+)(;\s*acknowledged)?/.exec(header.trim());
  if (!match) return null;
  const acknowledged = match[3] !== undefined;
  return { verified: false, breakId: `${match[1]}-${match[2]}`, kind: match[2].toUpperCase(), position: match[1], acknowledged, writesRefused: !acknowledged };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The mark the newest answer carried, or null while answers carry none. */
export function useHistoryMark(): HistoryMark | null {
  return useSyncExternalStore(subscribe, () => current);
}
