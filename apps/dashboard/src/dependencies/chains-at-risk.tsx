import { href } from '../routing/use-route';
import { RagBadge } from '../shared/rag-badge';
import type { SlippingAction } from './dependencies.query';
import { SlipWords, throughWords } from './slip-words';

/** Each slipping action, why, and the open actions waiting on it: on the Dependencies view and the meeting agenda. */
export function ChainsAtRisk({ slipping }: { slipping: SlippingAction[] }) {
  if (slipping.length === 0) return <p>No slipping action is holding another up.</p>;
  return (
    <ul className="chains-at-risk">
      {slipping.map((s) => (
        <li key={s.action.id} data-slipping-ref={s.action.ref}>
          <p>
            <strong>
              <a href={href(`/actions/${s.action.id}`)}>
                {s.action.ref} {s.action.title}
              </a>
            </strong>{' '}
            <RagBadge rag={s.action.rag} /> — <SlipWords action={s.action} reasons={s.reasons} />.
          </p>
          <p className="secondary">Puts at risk:</p>
          <ul>
            {s.atRisk.map((r) => (
              <li key={r.action.id}>
                <a href={href(`/actions/${r.action.id}`)}>
                  {r.action.ref} {r.action.title}
                </a>{' '}
                <span className="secondary">({r.chain.length > 2 ? `waits for it ${throughWords(r.chain)}` : 'waits for it directly'})</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
