import { useQuery } from '../api/use-query';
import { ActionOwnership, may } from '../session/permissions';
import { useSession } from '../session/session-context';
import { DependencyForms } from './dependency-forms';
import { asAtArguments, useAsAt } from '../as-at/as-at-context';
import { href } from '../routing/use-route';
import { QueryStatus } from '../shared/query-status';
import { RagBadge } from '../shared/rag-badge';
import { ACTION_DEPENDENCIES_QUERY, ActionDependenciesAnswer, ActionLink } from './dependencies.query';
import { throughWords, SlipWords } from './slip-words';

function LinkedAction({ action }: { action: ActionLink }) {
  return (
    <>
      <a href={href(`/actions/${action.id}`)}>
        {action.ref} {action.title}
      </a>{' '}
      <RagBadge rag={action.rag} />
      {action.slipReasons.length > 0 && (
        <span className="secondary">
          {' '}
          (<SlipWords action={action} reasons={action.slipReasons} />)
        </span>
      )}
    </>
  );
}

/**
 * One action's place in the plan's dependencies: what puts it at risk, what it waits for, and what
 * waits for it, as at the instant chosen; live, the programme office and the action's owner may
 * record and remove what it waits for.
 */
export function ActionDependencies({ action, onSaved }: { action: ActionOwnership & { id: string; ref: string; status: string }; onSaved(message: string | null): void }) {
  const { me, plan } = useSession();
  const { asAt } = useAsAt();
  const state = useQuery<ActionDependenciesAnswer>(ACTION_DEPENDENCIES_QUERY, { id: action.id, ...asAtArguments(asAt) });
  // A withdrawn or superseded action takes part in no new dependency; the API says so too.
  const canChange = !asAt && action.status !== 'WITHDRAWN' && action.status !== 'SUPERSEDED' && may(me, 'DeclareDependency', plan.localArea.id, action);
  return (
    <QueryStatus state={state}>
      {({ action: a }) => (
        <>
          {a.atRiskFrom.length > 0 && (
            <div className="warning-callout" role="note" data-at-risk-from={a.atRiskFrom.map((r) => r.from.ref).join(' ')}>
              <strong>At risk from {a.atRiskFrom.map((r) => r.from.ref).join(', ')}.</strong>
              <ul>
                {a.atRiskFrom.map((r) => (
                  <li key={r.from.id}>
                    {r.from.ref} is slipping: <SlipWords action={r.from} reasons={r.reasons} />
                    {r.chain.length > 2 && <> ({throughWords(r.chain)})</>}.
                  </li>
                ))}
              </ul>
            </div>
          )}
          <h3>Waits for</h3>
          {a.dependsOn.length === 0 ? (
            <p>Nothing: it can finish on its own.</p>
          ) : (
            <ul className="dependency-list" data-list="depends-on">
              {a.dependsOn.map((d) => (
                <li key={d.dependsOn.id}>
                  <LinkedAction action={d.dependsOn} />
                  <br />
                  <span className="secondary">{d.note}</span>
                </li>
              ))}
            </ul>
          )}
          <h3>Waited on by</h3>
          {a.dependents.length === 0 ? (
            <p>No other action waits for this one.</p>
          ) : (
            <ul className="dependency-list" data-list="dependents">
              {a.dependents.map((d) => (
                <li key={d.action.id}>
                  <LinkedAction action={d.action} />
                  <br />
                  <span className="secondary">{d.note}</span>
                </li>
              ))}
            </ul>
          )}
          {canChange && <DependencyForms action={action} waitsFor={a.dependsOn.map((d) => ({ id: d.dependsOn.id, ref: d.dependsOn.ref }))} onDone={state.reload} onSaved={onSaved} />}
        </>
      )}
    </QueryStatus>
  );
}
