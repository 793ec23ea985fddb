import { DEFAULT_ESCALATION_SCORE, escalationReasons } from './risk-escalation';
import { RED_FROM_SCORE } from './risk-rating';

const open = (current: [number, number], previous: [number, number] | null = null) => ({
  status: 'OPEN' as const,
  score: current[0] * current[1],
  previousScore: previous && previous[0] * previous[1],
});

describe('Which risks go on the board’s agenda', () => {
  it('a risk at or above the threshold (Red, 15, unless the plan says otherwise)', () => {
    expect(escalationReasons(open([3, 5]))).toEqual(['AT_OR_ABOVE_THRESHOLD']);
    expect(escalationReasons(open([2, 5]))).toEqual([]);
    expect(escalationReasons(open([2, 5]), 10)).toEqual(['AT_OR_ABOVE_THRESHOLD']);
  });

  it('a risk whose last re-score raised it, whatever its band', () => {
    expect(escalationReasons(open([2, 3], [2, 2]))).toEqual(['RISING']);
    expect(escalationReasons(open([2, 3], [2, 3]))).toEqual([]);
    expect(escalationReasons(open([4, 4], [3, 5]))).toEqual(['AT_OR_ABOVE_THRESHOLD', 'RISING']);
  });

  it('never a closed risk or one already an issue', () => {
    expect(escalationReasons({ ...open([5, 5], [1, 1]), status: 'CLOSED' })).toEqual([]);
    expect(escalationReasons({ ...open([5, 5]), status: 'BECAME_ISSUE' })).toEqual([]);
  });
});

describe('the default escalation threshold', () => {
  it('is the first Red score of the matrix, so a plan that sets none escalates exactly its Red risks', () => {
    expect(DEFAULT_ESCALATION_SCORE).toBe(RED_FROM_SCORE);
  });
});
