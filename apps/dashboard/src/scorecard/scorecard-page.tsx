import { useQuery } from '../api/use-query';
import { asAtArguments, useAsAt } from '../as-at/as-at-context';
import { useSession } from '../session/session-context';
import { QueryStatus } from '../shared/query-status';
import { MetricCard } from './metric-card';
import { SCORECARD_QUERY, ScorecardMetric } from './scorecard.query';

/** The performance scorecard: each metric's latest figure, RAG against target, and its trend. */
export function ScorecardPage() {
  const { plan } = useSession();
  const { asAt } = useAsAt();
  const state = useQuery<{ scorecard: ScorecardMetric[] }>(SCORECARD_QUERY, { planId: plan.id, ...asAtArguments(asAt) });
  return (
    <>
      <h1>Scorecard</h1>
      <QueryStatus state={state}>
        {({ scorecard }) =>
          scorecard.length === 0 ? (
            <p>No metrics are defined for this plan.</p>
          ) : (
            <ul className="metric-grid">
              {scorecard.map((m) => (
                <MetricCard key={m.id} metric={m} />
              ))}
            </ul>
          )
        }
      </QueryStatus>
    </>
  );
}
