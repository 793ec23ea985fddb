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
