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
 * Takes the mark from one answer GraphQL gave: its presence says the history is broken, its
 * absence that it verifies (again). Called for every answer by the one GraphQL client, so no view
 * has to ask; the same mark again changes nothing, so the banner does not redraw on every answer.
 */
export function noteHistoryMark(extensions: Record<string, unknown> | undefined): void {
  const found = extensions?.history;
  const next: HistoryMark | null = isMark(found)
    ? { verified: false, breakId: found.breakId, kind: String(found.kind), position: String(found.position), acknowledged: found.acknowledged === true, writesRefused: found.writesRefused === true }
    : null;
  if (JSON.stringify(next) === JSON.stringify(current)) return;
  current = next;
  for (const listener of listeners) listener();
}

/** The mark the newest answer carried, and a way to hear of the next change: what useHistoryMark reads. */
export function currentHistoryMark(): HistoryMark | null {
  return current;
}

export function subscribeToHistoryMark(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The mark the newest answer carried, or null while answers carry none. */
export function useHistoryMark(): HistoryMark | null {
  return useSyncExternalStore(subscribeToHistoryMark, currentHistoryMark);
}
