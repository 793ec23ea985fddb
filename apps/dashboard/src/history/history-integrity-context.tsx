import { createContext, ReactNode, useContext, useEffect, useRef } from 'react';
import { HistoryMark, useHistoryMark } from '../api/history-mark';
import { QueryState, useQuery } from '../api/use-query';
import { useSession } from '../session/session-context';
import { HISTORY_INTEGRITY_QUERY, HistoryIntegrity } from './history-integrity.query';

export interface HistoryIntegrityState {
  /** The mark the newest answer carried: the banner shows while there is one. */
  mark: HistoryMark | null;
  /** The break as historyIntegrity tells it (who acknowledged it, why, the record's revision), once asked. */
  integrity: QueryState<{ historyIntegrity: HistoryIntegrity }>;
}

const HistoryIntegrityContext = createContext<HistoryIntegrityState | null>(null);

/** While a break is marked, asked again this often, so a restored history clears the banner on a page left open. */
const WHILE_BROKEN_MS = 60_000;
/** The break's record is written a moment after it is found; its revision is needed to acknowledge it. */
const UNTIL_RECORDED_MS = 2_000;

/**
 * Asks historyIntegrity once when the dashboard opens (so a break shows before any other answer),
 * and again whenever the mark on the answers names another break or another state of it, so the
 * banner and the acknowledge form show what the mark alone does not: who acknowledged it and why.
 */
export function HistoryIntegrityProvider({ children }: { children: ReactNode }) {
  const { plan } = useSession();
  const mark = useHistoryMark();
  const integrity = useQuery<{ historyIntegrity: HistoryIntegrity }>(HISTORY_INTEGRITY_QUERY, { planId: plan.id });
  const known = integrity.data?.historyIntegrity;
  const { reload, loading } = integrity;
  const askedFor = useRef<string | undefined>(undefined);

  const markKey = mark && `${mark.breakId}:${mark.writesRefused}`;
  const stale = mark !== null && known !== undefined && (known.break?.breakId !== mark.breakId || known.writesRefused !== mark.writesRefused);
  useEffect(() => {
    // Once per state of the mark: answers in flight when it changed may still disagree for a moment.
    if (!stale || loading || askedFor.current === markKey) return;
    askedFor.current = markKey ?? undefined;
    reload();
  }, [stale, loading, markKey, reload]);

  const recording = mark !== null && known?.break?.breakId === mark.breakId && known.break.revision === null;
  useEffect(() => {
    if (!mark) return;
    const timer = setInterval(reload, recording ? UNTIL_RECORDED_MS : WHILE_BROKEN_MS);
    return () => clearInterval(timer);
  }, [mark, recording, reload]);

  return <HistoryIntegrityContext.Provider value={{ mark, integrity }}>{children}</HistoryIntegrityContext.Provider>;
}

export function useHistoryIntegrity(): HistoryIntegrityState {
  const state = useContext(HistoryIntegrityContext);
  if (!state) throw new Error('useHistoryIntegrity outside HistoryIntegrityProvider');
  return state;
}

/** The break the mark names, as historyIntegrity last told it; undefined until it has been asked. */
export function markedBreak({ mark, integrity }: HistoryIntegrityState) {
  const found = integrity.data?.historyIntegrity.break;
  return mark && found?.breakId === mark.breakId ? found : undefined;
}
