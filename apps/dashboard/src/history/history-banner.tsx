import { useSession } from '../session/session-context';
import { ukDateTime } from '../shared/uk-dates';
import { markedBreak, useHistoryIntegrity } from './history-integrity-context';
import { BREAK_KIND_WORDS, HistoryBreak, MAY_ACKNOWLEDGE, quotedReason } from './history-integrity.query';

const ALERT_WORDS: Record<NonNullable<HistoryBreak['alert']>, string> = {
  SENT: 'The DfE adviser and the programme office have been e-mailed about it.',
  SENDING: 'The DfE adviser and the programme office are being e-mailed about it.',
  FAILED: 'The e-mail to the DfE adviser and the programme office could not be sent yet; the tracker tries again.',
  GAVE_UP: 'The e-mail to the DfE adviser and the programme office could not be sent: tell them yourself.',
};

/**
 * The GOV.UK "important" banner, on every page for every role, while the API marks its answers as
 * resting on a history that does not verify. It says what was found, that nothing shown is vouched
 * for, whether changes are refused or the programme office has acknowledged the break, and what to
 * do. It goes once answers stop carrying the mark (the history was restored).
 */
export function HistoryBanner() {
  const state = useHistoryIntegrity();
  const { me, plan } = useSession();
  const { mark } = state;
  if (!mark) return null;
  const recorded = markedBreak(state);
  const acknowledgement = recorded?.acknowledgement;
  const programmeOffice = me.roles.some((r) => r.localAreaId === plan.localArea.id && MAY_ACKNOWLEDGE.includes(r.role));
  const what = BREAK_KIND_WORDS[mark.kind] ?? 'the history was altered';
  const where = recorded?.found.inThisPlan
    ? " It is in this plan's history."
    : recorded
      ? " It is outside this plan's history, in the tracker's shared store."
      : '';

  return (
    <div
      className="notification-banner notification-banner-important"
      role="region"
      aria-labelledby="history-banner-title"
      data-history-banner={mark.writesRefused ? 'writes-refused' : 'acknowledged'}
    >
      <div className="notification-banner-header">
        <h2 id="history-banner-title">Important</h2>
      </div>
      <div className="notification-banner-content">
        <p className="notification-banner-heading">The recorded history does not verify</p>
        <p data-testid="history-break-found">
          The tracker checks that nothing it recorded has been changed since. It found that {what} ({mark.kind} at position {mark.position})
          {recorded?.detectedAt ? `, on ${ukDateTime(recorded.detectedAt)}` : ''}.{where}
        </p>
        <p>Nothing this dashboard shows is vouched for until the history is restored from a backup that verifies.</p>
        {mark.writesRefused ? (
          <p data-testid="history-writes">
            <strong>Changes are paused:</strong> the tracker refuses every change until the programme office acknowledges the break.
          </p>
        ) : (
          <p data-testid="history-writes">
            <strong>The programme office has acknowledged the break</strong>
            {acknowledgement ? ` (${acknowledgement.acknowledgedBy}, ${ukDateTime(acknowledgement.acknowledgedAt)}): ${quotedReason(acknowledgement.reason)}` : '.'} Changes
            can be made again, but they are recorded on top of a history that does not verify.
          </p>
        )}
        {programmeOffice ? (
          <p>
            As the programme office, {mark.writesRefused ? 'acknowledge the break so that changes can go on, and ' : ''}
            restore the history from the newest backup that verifies: see <a href="#/history">the history check</a> for what to do.
          </p>
        ) : (
          <p>What to do: contact your programme office, and do not rely on what the dashboard shows until they say the history is restored.</p>
        )}
        <p>{recorded?.alert ? ALERT_WORDS[recorded.alert] : 'The DfE adviser and the programme office are e-mailed about it.'}</p>
      </div>
    </div>
  );
}
