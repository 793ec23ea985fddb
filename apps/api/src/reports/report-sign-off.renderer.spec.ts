import { quarterContaining, ReportReturn } from './report-return';
import { signedPartOf, withSignOff } from './report-sign-off.renderer';

const PAGE = '<!DOCTYPE html>\n<html lang="en-GB">\n<body>\n<main><p>Signed text &lt;section class=&quot;sign-off&quot;&gt;</p></main>\n</body>\n</html>\n';
const signedReturn = (corrections: ReportReturn['corrections'] = []): ReportReturn => ({
  quarter: '2025/26 Q2',
  financialYear: '2025/26',
  status: 'SUBMITTED',
  summary: null,
  submitted: null,
  finance: null,
  conditions: [],
  recordedUpTo: '40',
  signOff: { signedOffAt: '2025-11-20T15:00:00.000Z', signedOffBy: 'Board Chair', htmlSha256: 'a'.repeat(64), csvSha256: 'b'.repeat(64), knownUpToPosition: '41', position: '42' },
  corrections,
});

describe('The sign-off section of a signed-off report', () => {
  it('leaves an unsigned page as it is', () => {
    expect(withSignOff(PAGE, { ...signedReturn(), signOff: null })).toBe(PAGE);
  });

  it('is added just before </body>, and removing it gives the signed bytes back, corrections and all', () => {
    const correction = { recordedAt: '2025-12-01T10:00:00.000Z', recordedBy: 'Programme office', position: '50', subject: 'Executive summary, version 3', detail: '</section></body> in a reason' };
    for (const served of [withSignOff(PAGE, signedReturn()), withSignOff(PAGE, signedReturn([correction]))]) {
      expect(served).not.toBe(PAGE);
      expect(served.endsWith('</section>\n</body>\n</html>\n')).toBe(true);
      expect(served).toContain('by Board Chair, board chair, on <time datetime="2025-11-20T15:00:00.000Z">20 November 2025 at 3:00pm</time>');
      expect(signedPartOf(served)).toBe(PAGE);
    }
  });
});

describe('The quarter a board meeting falls in', () => {
  it.each([
    ['2025-06-30T22:59:59.999Z', '2025/26 Q1'],
    ['2025-06-30T23:00:00.000Z', '2025/26 Q2'],
    ['2026-03-31T22:59:59.999Z', '2025/26 Q4'],
    ['2026-01-01T00:00:00.000Z', '2025/26 Q4'],
    ['2025-12-31T23:59:59.999Z', '2025/26 Q3'],
  ])('%s (UTC) is in %s, by the London day', (instant, quarter) => {
    expect(quarterContaining(instant).text).toBe(quarter);
  });
});
