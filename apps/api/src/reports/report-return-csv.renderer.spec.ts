import { ReportReturn } from './report-return';
import { renderReturnCsv } from './report-return-csv.renderer';

const SIGNED: ReportReturn = {
  quarter: '2025/26 Q2',
  financialYear: '2025/26',
  status: 'SUBMITTED',
  summary: { text: 'Outturn £460m, up "£20m".\n\n=Condition C2 not on track', version: 2, writtenAt: '2025-10-20T09:00:00.000Z', writtenBy: 'Programme Office' },
  submitted: { at: '2025-10-21T09:00:00.000Z', by: 'Programme Office' },
  finance: {
    year: '2025/26',
    dsgAllocation: 38_000_000_000,
    budget: 43_750_000_000,
    budgetedDeficit: 5_750_000_000,
    openingCumulativeDeficit: 11_325_700_000,
    trajectory: { cumulativeDeficit: 18_300_000_000, amberTolerance: 500_000_000 },
    forecast: { period: '2025/26 Q2', forecastOutturn: 46_000_000_001, commentary: 'Placements up', inYearDeficit: 8_000_000_001, varianceAgainstBudget: 2_250_000_001, cumulativeDeficit: 19_325_700_001, rating: 'RED' },
    previous: { period: '2025/26 Q1', forecastOutturn: 44_000_000_000, movement: -1 },
  },
  conditions: [
    { ref: 'C1', text: 'Publish the plan', sourceParagraph: 'Paragraph 8', dueDate: '2026-03-31', status: null, version: null, approved: false, commentary: null },
    { ref: 'C2', text: 'Deficit within trajectory', sourceParagraph: 'Paragraph 8', dueDate: '2026-03-31', status: 'NOT_ON_TRACK', version: 1, approved: true, commentary: 'Above the trajectory' },
  ],
  recordedUpTo: '40',
  signOff: { signedOffAt: '2025-10-28T15:00:00.000Z', signedOffBy: 'Board Chair', htmlSha256: 'a'.repeat(64), csvSha256: 'b'.repeat(64), knownUpToPosition: '40', position: '41' },
  corrections: [{ recordedAt: '2025-11-03T10:00:00.000Z', recordedBy: 'Programme Office', position: '45', subject: 'Condition C2, status for 2025/26 Q2', detail: 'ON_TRACK (version 2): Restated' }],
};

const lines = (csv: string) => csv.split('\r\n');

describe('The DfE quarterly return as CSV', () => {
  it('has one fact a row under fixed columns, CRLF line ends and a final line end', () => {
    const csv = renderReturnCsv(SIGNED);
    expect(lines(csv)[0]).toBe('section,ref,label,period,status,approved,amount_gbp,text,recorded_at,recorded_by');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('says a frozen return is signed off, who moved it when, and the hashes the chair signed', () => {
    const csv = lines(renderReturnCsv(SIGNED));
    expect(csv[1]).toBe('return,status,Return status,2025/26 Q2,SIGNED_OFF,,,,,');
    expect(csv).toContain('return,submitted,Submitted for sign-off by the programme office,2025/26 Q2,,,,,2025-10-21T09:00:00.000Z,Programme Office');
    expect(csv).toContain(`return,signed_html_sha256,SHA-256 of the report page as signed,2025/26 Q2,,,,${'a'.repeat(64)},2025-10-28T15:00:00.000Z,Board Chair`);
    expect(lines(renderReturnCsv({ ...SIGNED, signOff: null, corrections: [] }))[1]).toBe('return,status,Return status,2025/26 Q2,SUBMITTED,,,,,');
  });

  it('quotes the summary whole, paragraphs and quotation marks kept, and defuses a formula', () => {
    const csv = renderReturnCsv({ ...SIGNED, summary: { ...SIGNED.summary!, text: '=SUM(A1)' } });
    expect(csv).toContain(`executive_summary,version 2,Executive summary,2025/26 Q2,,,,'=SUM(A1),2025-10-20T09:00:00.000Z,Programme Office`);
    expect(renderReturnCsv(SIGNED)).toContain('Executive summary,2025/26 Q2,,,,"Outturn £460m, up ""£20m"".\r\n\r\n=Condition C2 not on track"'.replace(/\r\n/g, '\n'));
  });

  it('gives money as exact pounds to the penny, negative movements signed', () => {
    const csv = lines(renderReturnCsv(SIGNED));
    expect(csv).toContain('finance,dsg_allocation,DSG allocation,2025/26,,,380000000.00,,,');
    expect(csv).toContain('finance,forecast_outturn,Forecast outturn,2025/26 Q2,RED,,460000000.01,Placements up,,');
    expect(csv).toContain('finance,cumulative_deficit,"Forecast cumulative deficit, rated against the trajectory",2025/26 Q2,RED,,193257000.01,,,');
    expect(csv).toContain('finance,movement_since_previous,Movement in the forecast outturn since then,2025/26 Q2,,,-0.01,,,');
    expect(renderReturnCsv({ ...SIGNED, finance: null })).not.toContain('finance,');
    // A commentary that starts like a formula is still defused; only an amount is left bare.
    const typed = renderReturnCsv({ ...SIGNED, finance: { ...SIGNED.finance!, forecast: { ...SIGNED.finance!.forecast!, commentary: '-1+1' } } });
    expect(typed).toContain(",460000000.01,'-1+1,");
  });

  it('lists each condition with its status for the quarter and whether the board approved it, and the corrections', () => {
    const csv = lines(renderReturnCsv(SIGNED));
    expect(csv).toContain('condition,C1,Publish the plan (Paragraph 8; due 2026-03-31),2025/26 Q2,,,,,,');
    expect(csv).toContain('condition,C2,Deficit within trajectory (Paragraph 8; due 2026-03-31),2025/26 Q2,NOT_ON_TRACK,yes,,Above the trajectory,,');
    expect(csv.at(-2)).toBe('correction,45,"Condition C2, status for 2025/26 Q2",2025/26 Q2,,,,ON_TRACK (version 2): Restated,2025-11-03T10:00:00.000Z,Programme Office');
  });
});
