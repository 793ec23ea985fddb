import { useQuery } from '../api/use-query';
import { asAtArguments, useAsAt } from '../as-at/as-at-context';
import { href } from '../routing/use-route';
import { useSession } from '../session/session-context';
import { ukDateTime } from '../shared/uk-dates';
import { FigureTiles } from '../shared/figure-tiles';
import { QueryStatus } from '../shared/query-status';
import { RagBadge } from '../shared/rag-badge';
import { TableScroll } from '../shared/table-scroll';
import { DEPENDENCIES_QUERY, DependenciesAnswer, Dependency } from './dependencies.query';
import { ChainsAtRisk } from './chains-at-risk';

function DependencyTable({ dependencies }: { dependencies: Dependency[] }) {
  return (
    <TableScroll captionId="dependency-table-caption">
      <table className="dependency-table">
        <caption id="dependency-table-caption">Every dependency: the action on the left cannot finish until the one it waits for has</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Waits for</th>
            <th scope="col">Why</th>
            <th scope="col">Recorded</th>
          </tr>
        </thead>
        <tbody>
          {dependencies.map((d) => (
            <tr key={`${d.action.id}/${d.dependsOn.id}`}>
              <th scope="row">
                <a href={href(`/actions/${d.action.id}`)}>
                  {d.action.ref} {d.action.title}
                </a>
              </th>
              <td>
                <a href={href(`/actions/${d.dependsOn.id}`)}>
                  {d.dependsOn.ref} {d.dependsOn.title}
                </a>{' '}
                <RagBadge rag={d.dependsOn.rag} />
                {d.dependsOn.slipReasons.length > 0 && <span className="flag flag-slipping">slipping</span>}
              </td>
              <td>{d.note}</td>
              <td>{ukDateTime(d.declaredAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** What waits for what across the plan, and the chains a slipping action puts at risk; live or as at the date or meeting chosen. */
export function DependenciesPage() {
  const { plan } = useSession();
  const { asAt } = useAsAt();
  const state = useQuery<DependenciesAnswer>(DEPENDENCIES_QUERY, { planId: plan.id, ...asAtArguments(asAt) });
  return (
    <>
      <h1>Dependencies</h1>
      <QueryStatus state={state}>
        {({ plan: { dependencies: network } }) =>
          network.dependencies.length === 0 ? (
            <p>No dependencies between actions are recorded for this plan.</p>
          ) : (
            <>
              <FigureTiles
                label="Dependencies in figures"
                figures={[
                  { name: 'Actions at risk from a dependency', value: network.actionsAtRisk },
                  { name: 'Slipping actions holding others up', value: network.slipping.length },
                ]}
              />
              <h2>Chains at risk</h2>
              <ChainsAtRisk slipping={network.slipping} />
              <h2>What waits for what</h2>
              <DependencyTable dependencies={network.dependencies} />
            </>
          )
        }
      </QueryStatus>
    </>
  );
}
