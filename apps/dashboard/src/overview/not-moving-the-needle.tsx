import { CONFIDENCE_WORDS, ConfidenceLevel } from '../actions/delivery-confidence';
import { href } from '../routing/use-route';

export interface NeedleAction {
  id: string;
  ref: string;
  title: string;
  owner: { name: string };
  deliveryConfidence: { level: ConfidenceLevel } | null;
  impactFlag: { reasons: { text: string }[] };
}

/**
 * Actions on track on paper while the outcomes they are for are not moving: rated Green, with a
 * linked scorecard metric off target or getting worse. The auditor's question is impact, so the
 * board sees these before it reads the RAG counts as good news.
 */
export function NotMovingTheNeedle({ actions }: { actions: NeedleAction[] }) {
  return (
    <section aria-labelledby="not-moving-the-needle" className="not-moving-the-needle" data-not-moving-the-needle>
      <h2 id="not-moving-the-needle">Green but not moving the needle</h2>
      {actions.length === 0 ? (
        <p>No Green action has a linked scorecard metric off target or getting worse.</p>
      ) : (
        <ul>
          {actions.map((a) => (
            <li key={a.id} data-action-ref={a.ref}>
              <a href={href(`/actions/${a.id}`)}>
                <span className="ref">{a.ref}</span> {a.title}
              </a>{' '}
              <span className="secondary">
                {a.owner.name} · confidence {a.deliveryConfidence ? CONFIDENCE_WORDS[a.deliveryConfidence.level].toLowerCase() : 'not rated'}
              </span>
              <ul>
                {a.impactFlag.reasons.map((r) => (
                  <li key={r.text}>{r.text}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
