import type { TimelineEntry } from './action.query';

/** Who changed what and when, newest first: how the board traces any figure back to a person. */
export function ActionTimeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <ol className="timeline" reversed>
      {[...entries].reverse().map((t, i) => (
        <li key={`${t.at}-${i}`}>
          <p>
            <time dateTime={t.at}>{t.at.slice(0, 10)}</time> <strong>{t.summary}</strong>
          </p>
          {t.supersededByRevision !== null && <p className="superseded">Corrected later: see the correction at revision {t.supersededByRevision}.</p>}
          {t.supersedesRevision !== null && (
            <p className="secondary">
              Corrects revision {t.supersedesRevision}; recorded <time dateTime={t.recordedAt}>{t.recordedAt.replace('T', ' ').slice(0, 16)} UTC</time>
            </p>
          )}
          <p className="secondary">
            {t.actor?.name ?? 'System'}
            {t.actor?.role ? ` (${t.actor.role.replace(/_/g, ' ').toLowerCase()})` : ''}
            {t.changes.length > 0 && ` · ${t.changes.map((c) => `${c.field}: ${c.from ?? '—'} → ${c.to ?? '—'}`).join('; ')}`}
          </p>
        </li>
      ))}
    </ol>
  );
}
