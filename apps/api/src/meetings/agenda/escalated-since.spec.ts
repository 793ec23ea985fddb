import { escalatedSince, ScoreOnRecord } from './escalated-since';

const score = (value: number, asAt: string | null, recordedAt = `${asAt ?? '2026-01-05'}T10:00:00.000Z`): ScoreOnRecord => ({ score: value, asAt, recordedAt });

describe('escalatedSince', () => {
  it('is the raising day for a risk raised Red and never re-scored, as a UK day', () => {
    expect(escalatedSince([score(16, null, '2026-06-30T23:30:00.000Z')])).toBe('2026-07-01');
  });

  it('is null when the current score is not escalated', () => {
    expect(escalatedSince([score(16, null), score(9, '2026-02-01')])).toBeNull();
    expect(escalatedSince([score(9, null)])).toBeNull();
  });

  it('is the first score of the unbroken run that ends now', () => {
    // Red, then down to Amber (not escalated), then rising (escalated), then Red (still escalated).
    const scores = [score(16, null), score(9, '2026-02-01'), score(12, '2026-03-01'), score(20, '2026-04-01')];
    expect(escalatedSince(scores)).toBe('2026-03-01');
  });

  it('keeps the run going while a lower score stays at or above the threshold', () => {
    expect(escalatedSince([score(8, null), score(20, '2026-02-01'), score(16, '2026-03-01')])).toBe('2026-02-01');
  });

  it('ends the run when a re-score neither rises nor reaches the threshold', () => {
    expect(escalatedSince([score(8, null), score(12, '2026-02-01'), score(12, '2026-03-01')])).toBeNull();
  });
});
