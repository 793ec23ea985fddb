import { useState } from 'react';
import { NotificationBanner } from '../shared/notification-banner';
import { useSession } from '../session/session-context';
import { ukDateTime } from '../shared/uk-dates';
import { AcknowledgeBreakForm } from './acknowledge-break-form';
import { markedBreak, useHistoryIntegrity } from './history-integrity-context';
import { BREAK_KIND_WORDS, MAY_ACKNOWLEDGE, quotedReason } from './history-integrity.query';

/**
 * The break the running tracker found, on the history check page: where it is, whether it was
 * acknowledged, and for the programme office the form to acknowledge it.
 */
export function BreakFound() {
  const state = useHistoryIntegrity();
  const { me, plan } = useSession();
  const { mark } = state;
  const [saved, setSaved] = useState<string | null>(null);
  // A form that has sent stays until it is saved: a refusal (someone else acknowledged first) keeps its error summary to be read.
  const [sent, setSent] = useState(false);
  const recorded = markedBreak(state);
  if (!mark) return null;
  const programmeOffice = me.roles.some((r) => r.localAreaId === plan.localArea.id && MAY_ACKNOWLEDGE.includes(r.role));
  const found = recorded?.found;
  const acknowledgement = recorded?.acknowledgement;

  return (
    <section aria-labelledby="break-found-heading" className="verification" data-testid="break-found">
      {saved && <NotificationBanner message={saved} />}
      <h2 id="break-found-heading">The break the tracker found</h2>
      <p>
        {BREAK_KIND_WORDS[mark.kind] ? `${BREAK_KIND_WORDS[mark.kind][0].toUpperCase()}${BREAK_KIND_WORDS[mark.kind].slice(1)}` : 'The history was altered'}:{' '}
        {mark.kind} at position {mark.position}
        {found?.inThisPlan && found.streamId ? ` (${found.streamId}, revision ${found.revision})` : ''}
        {recorded?.detectedAt ? `, found on ${ukDateTime(recorded.detectedAt)}` : ''}.
      </p>
      {found && <p>{found.message}</p>}
      {acknowledgement ? (
        <p data-testid="break-acknowledgement">
          Acknowledged by {acknowledgement.acknowledgedBy} on {ukDateTime(acknowledgement.acknowledgedAt)}: {quotedReason(acknowledgement.reason)} Changes can be made
          again.
        </p>
      ) : mark.acknowledged ? (
        <p data-testid="break-acknowledgement">The programme office has acknowledged it. Changes can be made again.</p>
      ) : (
        <p>Changes are refused until the programme office acknowledges it.</p>
      )}
      {programmeOffice && (mark.writesRefused || sent) && recorded && (
        <AcknowledgeBreakForm
          key={recorded.breakId}
          found={recorded}
          onDone={state.integrity.reload}
          onSaved={(message) => {
            setSent(false);
            setSaved(message);
          }}
          onSending={() => setSent(true)}
        />
      )}
      <p>Run a check below for the steps to restore the history.</p>
    </section>
  );
}
