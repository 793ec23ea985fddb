import { TableScroll } from '../shared/table-scroll';
import { useQuery } from '../api/use-query';
import { asAtArguments, useAsAt } from '../as-at/as-at-context';
import { href, Route } from '../routing/use-route';
import { useSession } from '../session/session-context';
import { QueryStatus } from '../shared/query-status';
import { RagBadge } from '../shared/rag-badge';
import { ActionFilters } from './action-filters';
import { ACTION_LIST_QUERY, ActionListAnswer, ActionRow, filterInput, leftOutInput } from './action-list.query';
import { DateText } from '../shared/date-text';
import { CONFIDENCE_WORDS } from './delivery-confidence';

function Flags({ action }: { action: ActionRow }) {
  const flags = [
    action.status !== 'OPEN' && action.status.toLowerCase(),
    action.overdue && 'overdue',
    action.stale && 'stale',
    action.impactFlag && 'not moving the needle',
  ].filter(Boolean) as string[];
  const from = action.atRiskFrom.map((r) => r.from.ref);
  return (
    <>
      {flags.map((f) => <span key={f} className={`flag flag-${f.replace(/ /g, '-')}`}>{f}</span>)}
      {from.length > 0 && <span className="flag flag-at-risk">at risk from {from.join(', ')}</span>}
    </>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What the count counts. By default the same set as the overview (open and complete actions), and
 * how many withdrawn or superseded ones that leaves out, so the two numbers can be reconciled.
 */
function ResultCount({ total, closed, withClosed }: { total: number; closed: number; withClosed: boolean }) {
  if (withClosed) {
    return <>{`${plural(total, 'action matches', 'actions match')}, including ${plural(closed, 'withdrawn or superseded action', 'withdrawn or superseded actions')} the overview does not count.`}</>;
  }
  const leftOut = closed === 0 ? '' : ` ${plural(closed, 'withdrawn or superseded action is', 'withdrawn or superseded actions are')} left out.`;
  return <>{`${plural(total, 'action matches', 'actions match')}: open and complete, as the overview counts them.${leftOut}`}</>;
}

/** The plan's actions in reference order, narrowed by the filters in the address. */
export function ActionListPage({ route }: { route: Route }) {
  const { plan } = useSession();
  const { asAt } = useAsAt();
  const withClosed = route.params.get('closed') === 'yes';
  const state = useQuery<ActionListAnswer>(ACTION_LIST_QUERY, {
    planId: plan.id,
    filter: filterInput(route.params),
    leftOut: leftOutInput(route.params),
    ...asAtArguments(asAt),
  });

  return (
    <>
      <h1>Actions</h1>
      <QueryStatus state={state}>
        {({ plan: p, actions, leftOut }) => (
          <>
            <ActionFilters params={route.params} plan={p} />
            <p role="status" className="result-count">
              <ResultCount total={actions.totalCount} closed={leftOut.totalCount} withClosed={withClosed} />
              {actions.pageInfo.hasNextPage ? ` The first ${actions.edges.length} are shown.` : ''}
            </p>
            <TableScroll captionId="action-list-caption">
              <table className="action-list stack-on-phone">
                <caption id="action-list-caption" className="visually-hidden">Actions matching the filters</caption>
                <thead>
                  <tr>
                    <th scope="col">Ref</th>
                    <th scope="col">Action</th>
                    <th scope="col">Owner</th>
                    <th scope="col">RAG</th>
                    <th scope="col">Due</th>
                    <th scope="col">Last update</th>
                    <th scope="col">Confidence</th>
                    <th scope="col">Flags</th>
                  </tr>
                </thead>
                <tbody>
                  {actions.edges.map(({ node: a }) => (
                    <tr key={a.id} data-action-ref={a.ref}>
                      <td data-label="Ref">{a.ref}</td>
                      <td data-label="Action">
                        <a href={href(`/actions/${a.id}`)}>{a.title}</a>
                      </td>
                      <td data-label="Owner">
                        {a.owner.name}
                        <span className="secondary"> {a.owner.organisation}</span>
                      </td>
                      <td data-label="RAG">
                        <RagBadge rag={a.rag} />
                      </td>
                      <td data-label="Due">
                        <DateText iso={a.dueDate} short />
                      </td>
                      <td data-label="Last update">{a.lastAsOfDate ? <DateText iso={a.lastAsOfDate} short /> : 'none yet'}</td>
                      <td data-label="Confidence">{a.deliveryConfidence ? CONFIDENCE_WORDS[a.deliveryConfidence.level] : 'not rated'}</td>
                      <td data-label="Flags">
                        <Flags action={a} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        )}
      </QueryStatus>
    </>
  );
}
