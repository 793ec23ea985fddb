import { CONFIDENCE_WORDS } from '../actions/delivery-confidence';
import { href } from '../routing/use-route';
import type { MovementAnswer } from './movement.query';

const riskLink = (r: { ref: string; title: string }) => (
  <a href={href(`/risks/${encodeURIComponent(r.ref)}`)}>
    {r.ref} {r.title}
  </a>
);

const CROSSING_WORDS = { ROSE_TO_THRESHOLD: ' — now at or above the escalation threshold', FELL_BELOW_THRESHOLD: ' — now below the escalation threshold' } as const;

/** The risk register's movement and the actions the board is less confident of, below the actions' movement. */
export function MovementRisks({ risks, confidenceFell }: Pick<MovementAnswer['movement'], 'risks' | 'confidenceFell'>) {
  const lines = [
    ...risks.raised.map((r) => ({ key: `raised-${r.ref}`, body: <>{riskLink(r)}: raised, scored {r.current.score}</> })),
    ...risks.rescored.map((c) => ({
      key: `rescored-${c.risk.ref}`,
      body: (
        <>
          {riskLink(c.risk)}: re-scored {c.direction === 'UP' ? 'up' : 'down'} from {c.from} to {c.to}
          {c.crossing ? CROSSING_WORDS[c.crossing] : ''}
        </>
      ),
    })),
    ...risks.closed.map((r) => ({ key: `closed-${r.ref}`, body: <>{riskLink(r)}: closed</> })),
    ...risks.becameIssues.map((r) => ({ key: `issue-${r.ref}`, body: <>{riskLink(r)}: became an issue</> })),
  ];
  return (
    <>
      <h2>Risks</h2>
      {lines.length === 0 ? (
        <p>No risk was raised, re-scored, closed or became an issue.</p>
      ) : (
        <ul className="movement-list" data-testid="risk-movement">
          {lines.map((l) => (
            <li key={l.key}>{l.body}</li>
          ))}
        </ul>
      )}
      <h2>Delivery confidence fell</h2>
      {confidenceFell.length === 0 ? (
        <p>No action’s delivery confidence fell.</p>
      ) : (
        <ul className="movement-list" data-testid="confidence-fell">
          {confidenceFell.map((c) => (
            <li key={c.action.id}>
              <a href={href(`/actions/${c.action.id}`)}>
                {c.action.ref} {c.action.title}
              </a>
              : {CONFIDENCE_WORDS[c.from]} to {CONFIDENCE_WORDS[c.to]}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
