import { ukDateTime } from '../shared/uk-dates';
import type { QuarterlyReturn, ReturnCorrection, ReturnStatus } from './quarterly-return.query';

const STATUS_WORDS: Record<ReturnStatus, string> = {
  NOT_STARTED: 'Not started',
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted, awaiting the board chair’s sign-off',
  SIGNED_OFF: 'Signed off',
};

const by = (who: string | null) => (who ? ` by ${who}` : '');

/** Where the return stands, who moved it and when, and the fingerprints the chair signed. */
export function ReturnStatusList({ answer }: { answer: QuarterlyReturn }) {
  const summary = answer.executiveSummary;
  return (
    <dl className="return-status">
      <div>
        <dt>Status</dt>
        <dd data-return-status={answer.status}>{STATUS_WORDS[answer.status]}</dd>
      </div>
      {summary && (
        <div>
          <dt>Executive summary</dt>
          <dd>
            Version {summary.version}, written{by(summary.writtenBy)} on {ukDateTime(summary.writtenAt)}
          </dd>
        </div>
      )}
      {answer.submittedAt && (
        <div>
          <dt>Submitted</dt>
          <dd>
            {by(answer.submittedBy).trim() || 'By the programme office'} on {ukDateTime(answer.submittedAt)}
          </dd>
        </div>
      )}
      {answer.signOff && (
        <>
          <div>
            <dt>Signed off</dt>
            <dd>
              {by(answer.signOff.signedOffBy).trim() || 'By the board chair'} on {ukDateTime(answer.signOff.signedOffAt)}
            </dd>
          </div>
          <div>
            <dt>Report page as signed (SHA-256)</dt>
            <dd>
              <code className="hash">{answer.signOff.htmlSha256}</code>
            </dd>
          </div>
          <div>
            <dt>Report CSV as signed (SHA-256)</dt>
            <dd>
              <code className="hash">{answer.signOff.csvSha256}</code>
            </dd>
          </div>
        </>
      )}
    </dl>
  );
}

/** The summary as written: blank lines separate its paragraphs, as in the report. */
export function SummaryText({ text }: { text: string }) {
  return (
    <div className="executive-summary">
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </div>
  );
}

/** What has been recorded about the quarter since sign-off: beside the signed report, never folded into it. */
export function ReturnCorrections({ corrections }: { corrections: ReturnCorrection[] }) {
  if (corrections.length === 0) return <p>Nothing has been corrected since the sign-off.</p>;
  return (
    <ol className="return-corrections">
      {corrections.map((c) => (
        <li key={c.position}>
          <strong>{c.subject}</strong>: {c.detail}{' '}
          <span className="secondary">
            (recorded{by(c.recordedBy)} on {ukDateTime(c.recordedAt)})
          </span>
        </li>
      ))}
    </ol>
  );
}
