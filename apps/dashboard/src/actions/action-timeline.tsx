import { useEffect, useState } from 'react';
import { requestGraphQL, GraphQLRequestError } from '../api/graphql-client';
import { asAtArguments, useAsAt } from '../as-at/as-at-context';
import { useSession } from '../session/session-context';
import { ErrorMessage } from '../shared/error-message';
import { britishDatesIn, longDate, ukDateOf, ukDateTime } from '../shared/uk-dates';
import { OLDER_TIMELINE_ENTRIES_QUERY, TimelineEntry, TimelinePage } from './action-timeline.query';
import { describeChanges } from './timeline-changes';

/**
 * Who changed what and when, newest first: how the board traces any figure back to a person. The
 * first page comes with the action; older entries a page at a time, on request, since an action's
 * history runs to hundreds of entries.
 */
export function ActionTimeline({ actionId, firstPage }: { actionId: string; firstPage: TimelinePage }) {
  const session = useSession();
  const { asAt } = useAsAt();
  const [pages, setPages] = useState<TimelinePage[]>([firstPage]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<GraphQLRequestError | null>(null);
  // The action was read again (a change was saved, or another instant chosen): start from its newest entries.
  useEffect(() => {
    setPages([firstPage]);
    setError(null);
  }, [firstPage]);

  const last = pages[pages.length - 1];
  const entries = pages.flatMap((page) => page.edges.map((edge) => edge.node));
  const showOlder = async () => {
    setLoading(true);
    setError(null);
    try {
      const older = await requestGraphQL<{ action: { timelineEntries: TimelinePage } }>(session.token, OLDER_TIMELINE_ENTRIES_QUERY, {
        id: actionId,
        after: last.pageInfo.endCursor,
        ...asAtArguments(asAt),
      });
      setPages((shown) => [...shown, older.action.timelineEntries]);
    } catch (failure) {
      setError(failure as GraphQLRequestError);
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <ol className="timeline" reversed start={firstPage.totalCount}>
        {entries.map((t, i) => (
          <TimelineItem key={`${t.at}-${i}`} entry={t} />
        ))}
      </ol>
      {last.pageInfo.hasNextPage && (
        <p className="timeline-more">
          <span className="secondary">
            The newest {entries.length} of {firstPage.totalCount} entries are shown.
          </span>{' '}
          <button type="button" disabled={loading} onClick={() => void showOlder()}>
            {loading ? 'Loading older entries…' : 'Show older entries'}
          </button>
        </p>
      )}
      {error && <ErrorMessage error={error} title="Older entries could not be shown" />}
    </>
  );
}

function TimelineItem({ entry: t }: { entry: TimelineEntry }) {
  return (
    <li>
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
  );
}
