/// <reference types="jest" />
// The dashboard compiles for the browser without test globals; its unit specs ask for them here.
import { describeChanges } from './timeline-changes';

const change = (field: string, from: string | null, to: string | null) => ({ field, from, to });

describe('timeline changes in the board words', () => {
  it('says a progress update with RAG words and a British date, and leaves the commentary to the summary', () => {
    expect(describeChanges([change('rag', 'NOT_YET_RATED', 'GREEN'), change('commentary', null, 'On track.'), change('asAt', null, '2026-12-06')])).toEqual([
      'RAG: Not yet rated → Green',
      'As at: 6 December 2026',
    ]);
  });

  it('says a delivery confidence rating in words, leaving its commentary to the summary', () => {
    expect(
      describeChanges([change('deliveryConfidence', 'MEDIUM', 'LOW'), change('confidenceCommentary', null, 'No change in the figures.'), change('confidenceAsAt', null, '2026-06-10')]),
    ).toEqual(['Delivery confidence: Medium → Low', 'Confidence as at: 10 June 2026']);
    expect(describeChanges([change('deliveryConfidence', null, 'HIGH')])).toEqual(['Delivery confidence: High']);
  });

  it('never shows a "from" the event did not record', () => {
    expect(describeChanges([change('owner', null, 'Tom Okafor')])).toEqual(['Owner: Tom Okafor']);
    expect(describeChanges([change('dueDate', '2026-03-31', '2026-06-30')])).toEqual(['Due date: 31 March 2026 → 30 June 2026']);
  });

  it('leaves out what the summary already says word for word', () => {
    expect(describeChanges([change('decision', null, 'EVIDENCE_ACCEPTED')])).toEqual([]);
  });

  it('leaves out what did not change, and says what was removed', () => {
    expect(describeChanges([change('rag', 'GREEN', 'GREEN')])).toEqual([]);
    expect(describeChanges([change('delegate', 'Sam Patel', null), change('status', 'OPEN', 'WITHDRAWN')])).toEqual([
      'Delegate removed: Sam Patel',
      'Status: Open → Withdrawn',
    ]);
  });
});
