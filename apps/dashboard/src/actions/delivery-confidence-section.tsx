import { DateText } from '../shared/date-text';
import { ActionDetail } from './action.query';
import { CONFIDENCE_WORDS, ConfidenceRating, ImpactFlag } from './delivery-confidence';
import { RateConfidenceForm } from './rate-confidence-form';

/** The board's warning: rated Green, yet the metrics the action is meant to move are not moving. */
export function ImpactFlagNote({ flag }: { flag: ImpactFlag }) {
  return (
    <div className="impact-flag" role="note" aria-labelledby="impact-flag-heading" data-impact-flag>
      <h3 id="impact-flag-heading">Green but not moving the needle</h3>
      <ul>
        {flag.reasons.map((r) => (
          <li key={r.text}>{r.text}</li>
        ))}
      </ul>
    </div>
  );
}

function Rating({ rating }: { rating: ConfidenceRating }) {
  return (
    <>
      <strong className={`confidence confidence-${rating.level.toLowerCase()}`}>{CONFIDENCE_WORDS[rating.level]}</strong>, as at <DateText iso={rating.asOfDate} />
      {rating.ratedBy && <> by {rating.ratedBy}</>}: {rating.commentary}
    </>
  );
}

/**
 * How confident the owner and the board are that the action will achieve its intended impact,
 * kept apart from RAG; every rating with its reasons, and the form for those who may rate it.
 */
export function DeliveryConfidenceSection({ action: a, canRate, onDone, onSaved }: { action: ActionDetail; canRate: boolean; onDone: () => void; onSaved: (message: string | null) => void }) {
  const earlier = a.confidenceHistory.slice(0, -1).reverse();
  return (
    <section aria-labelledby="delivery-confidence">
      <h2 id="delivery-confidence">Delivery confidence</h2>
      <p className="hint">How confident are we the intended impact will be achieved? This is kept apart from the RAG rating, which says whether the work is on track.</p>
      {a.impactFlag && <ImpactFlagNote flag={a.impactFlag} />}
      <p data-confidence-current>{a.deliveryConfidence ? <Rating rating={a.deliveryConfidence} /> : 'Not rated yet.'}</p>
      {earlier.length > 0 && (
        <details>
          <summary>Earlier ratings ({earlier.length})</summary>
          <ol className="confidence-history">
            {earlier.map((r) => (
              <li key={`${r.asOfDate}-${r.commentary}`}>
                <Rating rating={r} />
              </li>
            ))}
          </ol>
        </details>
      )}
      {canRate && (
        // Closed until asked for: a rating is a judgement made now and then, not with every update.
        <details className="rate-confidence">
          <summary>Give a new rating</summary>
          <RateConfidenceForm action={a} onDone={onDone} onSaved={onSaved} />
        </details>
      )}
    </section>
  );
}
