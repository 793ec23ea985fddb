import { useState } from 'react';
import { useQuery } from '../api/use-query';
import { useSession } from '../session/session-context';
import { QueryStatus } from '../shared/query-status';
import { HistoryVerification, parseHead, VERIFY_HISTORY_QUERY } from './verify-history.query';
import { ukDateTime } from '../shared/uk-dates';
import { BreakFound } from './break-found';

/**
 * Whether the recorded history still holds: the event store's hash chains recomputed on request
 * (it reads every event, so it runs when asked, not on every visit), and a head copied from a
 * quarterly report checked against it.
 */
export function HistoryCheckPage() {
  const { plan } = useSession();
  const [headText, setHeadText] = useState('');
  const [asked, setAsked] = useState<{ position: string; hash: string }[]>();
  const head = headText.trim() === '' ? undefined : parseHead(headText);
  const verification = useQuery<{ verifyHistory: HistoryVerification }>(VERIFY_HISTORY_QUERY, { planId: plan.id, heads: asked }, !asked);

  return (
    <>
      <h1>History check</h1>
      <p>
        Every change to the plan is recorded as an event that carries a hash of its content and of the event before it. Checking
        recomputes those hashes from the stored history: an edited, deleted or reordered event shows as a break. Each quarterly report
        prints the chain head at the time; paste it here to confirm that nothing before it has changed since.
      </p>
      <BreakFound />
      <form
        className="filters"
        aria-label="Check the history"
        onSubmit={(e) => {
          e.preventDefault();
          if (!head && headText.trim() !== '') return;
          const heads = head ? [head] : [];
          // The same question again re-reads the store: someone may have changed it since.
          if (asked && JSON.stringify(asked) === JSON.stringify(heads)) verification.reload();
          else setAsked(heads);
        }}
      >
        <div className="field">
          <label htmlFor="report-head">Chain head from a report (optional)</label>
          <input
            id="report-head"
            value={headText}
            placeholder="position:hash"
            aria-invalid={headText.trim() !== '' && !head}
            aria-describedby="report-head-hint"
            onChange={(e) => setHeadText(e.target.value)}
          />
          <p id="report-head-hint" className="hint">
            {headText.trim() !== '' && !head ? 'Write it as the report does: the position, a colon, then the 64-character hash.' : 'As printed in the report, e.g. 280:1df8…'}
          </p>
        </div>
        <button type="submit">Check the history now</button>
      </form>
      {asked && <QueryStatus state={verification}>{(data) => <VerificationResult result={data.verifyHistory} />}</QueryStatus>}
    </>
  );
}

function VerificationResult({ result }: { result: HistoryVerification }) {
  const broken = result.firstBreak;
  return (
    <section aria-labelledby="verification-heading" className="verification">
      <h2 id="verification-heading" data-testid="verification-verdict">
        {result.ok ? 'The history holds' : 'The history does not hold'}
      </h2>
      <p>
        {result.eventsChecked} events checked at <time dateTime={result.checkedAt}>{ukDateTime(result.checkedAt)}</time>; {result.readModel.rowsChecked} timeline lines compared with them.
      </p>
      {broken && (
        <p role="alert">
          First break at position {broken.position}
          {broken.inThisPlan && broken.streamId ? ` (${broken.streamId}, revision ${broken.revision})` : ''}: {broken.message}
        </p>
      )}
      {result.nextSteps.length > 0 && (
        <>
          <h3>What to do now</h3>
          <ol data-testid="next-steps">
            {result.nextSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </>
      )}
      {result.readModel.firstMismatch && <p role="alert">The dashboard's copy differs: {result.readModel.firstMismatch.message}</p>}
      {result.heads.map((h) => (
        <p key={h.position} role={h.matches ? undefined : 'alert'} data-testid="head-check">
          The report's head at position {h.position} {h.matches ? 'still matches' : 'no longer matches'}.
        </p>
      ))}
      {/* The API gives a head only when the chains hold: one from a broken chain would vouch for the altered history. */}
      {result.planHead && (
        <p>
          This plan's chain head now: <code data-testid="plan-head">{`${result.planHead.position}:${result.planHead.hash}`}</code>. Keep it to check
          against later.
        </p>
      )}
    </section>
  );
}
