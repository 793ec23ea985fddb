import { useQuery } from '../api/use-query';
import { asAtArguments, useAsAt } from '../as-at/as-at-context';
import { href } from '../routing/use-route';
import { useSession } from '../session/session-context';
import { QueryStatus } from '../shared/query-status';
import { RagBadge } from '../shared/rag-badge';
import { ACTION_RISKS_QUERY, ActionRisksAnswer } from './risk.query';

/** The open risks in the register that name this action, as at the instant chosen. */
export function ActionRisks({ actionId }: { actionId: string }) {
  const { plan } = useSession();
  const { asAt } = useAsAt();
  const state = useQuery<ActionRisksAnswer>(ACTION_RISKS_QUERY, { planId: plan.id, ...asAtArguments(asAt) });
  return (
    <QueryStatus state={state}>
      {({ risks }) => {
        const linked = risks.filter((r) => r.actionIds.includes(actionId));
        return linked.length === 0 ? (
          <p>No open risk in the register names this action.</p>
        ) : (
          <ul data-list="action-risks">
            {linked.map((r) => (
              <li key={r.id}>
                <a href={href(`/risks/${encodeURIComponent(r.ref)}`)}>
                  {r.ref} {r.title}
                </a>{' '}
                {r.current.score} <RagBadge rag={r.current.band} />
                {r.escalation.length > 0 && <span className="flag flag-escalated">on the board’s agenda</span>}
              </li>
            ))}
          </ul>
        );
      }}
    </QueryStatus>
  );
}
