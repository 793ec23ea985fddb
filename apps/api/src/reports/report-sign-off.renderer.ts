import { dateTime, escape, table } from './report-html-parts';
import { ReportReturn } from './report-return';

const OPENING = '<section class="sign-off" id="sign-off">';

/**
 * A signed-off quarter's page: the page exactly as the chair signed it, with one section added
 * just before `</body>` that says who signed, when, the hashes recorded, and what has been
 * recorded about the quarter since. Removing that section (signedPartOf) gives the signed bytes,
 * whose SHA-256 is the one in the sign-off event. An unsigned page is returned unchanged.
 */
export function withSignOff(signedHtml: string, r: ReportReturn): string {
  if (!r.signOff) return signedHtml;
  const s = r.signOff;
  const corrections = table(
    ['Recorded', 'By', 'About', 'What was recorded', 'Store position'],
    r.corrections.map((c) => [dateTime(c.recordedAt), escape(c.recordedBy), escape(c.subject), escape(c.detail), escape(c.position)]),
    'None recorded since sign-off.',
  );
  const section = `${OPENING}
<h2>Sign-off</h2>
<p>The ${escape(r.quarter)} return was signed off${s.signedOffBy ? ` by ${escape(s.signedOffBy)}` : ''}, board chair, on ${dateTime(s.signedOffAt)} (event at store position ${escape(s.position)}). Everything on this page outside this section is the page as signed, built from the store up to position ${escape(s.knownUpToPosition)}; it does not change.</p>
<dl>
<dt>SHA-256 of the page as signed</dt><dd><code>${escape(s.htmlSha256)}</code></dd>
<dt>SHA-256 of the CSV as signed</dt><dd><code>${escape(s.csvSha256)}</code></dd>
</dl>
<h3>Corrections since sign-off</h3>
<p>Recorded about this quarter after it was signed off, oldest first: they are not in the signed text above.</p>
${corrections}
</section>
`;
  const at = signedHtml.lastIndexOf('</body>');
  return `${signedHtml.slice(0, at)}${section}${signedHtml.slice(at)}`;
}

/** The page as signed: the served page without its sign-off section. */
export function signedPartOf(servedHtml: string): string {
  const start = servedHtml.indexOf(OPENING);
  if (start === -1) return servedHtml;
  return servedHtml.slice(0, start) + servedHtml.slice(servedHtml.lastIndexOf('</body>'));
}
