import { britishDatesIn, longDate, ukDateOf, ukDateTime } from '../shared/uk-dates';
import type { TimelineEntry } from './action.query';
import { describeChanges } from './timeline-changes';

/** Who changed what and when, newest first: how the board traces any figure back to a person. */
export function ActionTimeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <ol className="timeline" reversed>
      {[...entries].reverse().map((t, i) => (
        <li key={`${t.at}-${i}`}>
          <p>
            <time dateTime={t.at}>{longDate(ukDateOf(t.at))}</time> <strong>{britishDatesIn(t.summary)}</strong>
          </p>
          {t.supersededByRevision !== null && <p className="superseded">Corrected later: see the correction at revision {t.supersededByRevision}.</p>}
          {t.supersedesRevision !== null && (
            <p className="secondary">
              Corrects revision {t.supersedesRevision}; recorded <time dateTime={t.recordedAt}>{ukDateTime(t.recordedAt)}</time>
            </p>
          )}
          <p className="secondary">
            {t.actor?.name ?? 'System'}
            {t.actor?.role ? ` (${t.actor.role.replace(/_/g, ' ').toLowerCase()})` : ''}
            {describeChanges(t.changes).map((line) => ` · ${line}`).join('')}
          </p>
        </li>
      ))}
    </ol>
  );
}
