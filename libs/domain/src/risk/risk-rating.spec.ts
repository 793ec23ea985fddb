import { refusal } from '../shared/refusal.fixture';
import { requireRating, riskBand, riskScore } from './risk-rating';

describe('The risk matrix', () => {
  it('scores a risk as likelihood × impact', () => {
    expect(riskScore({ likelihood: 4, impact: 5 })).toBe(20);
    expect(riskScore({ likelihood: 1, impact: 1 })).toBe(1);
    expect(riskScore({ likelihood: 3, impact: 4 })).toBe(12);
  });

  it('bands every cell of the 5 × 5 grid: 1–4 Green, 5–12 Amber, 15–25 Red', () => {
    const grid = [1, 2, 3, 4, 5].map((likelihood) => [1, 2, 3, 4, 5].map((impact) => riskBand(riskScore({ likelihood, impact }))[0]).join(''));
    expect(grid).toEqual([
      'GGGGA', // rare: 1 2 3 4 5
      'GGAAA', // unlikely: 2 4 6 8 10
      'GAAAR', // possible: 3 6 9 12 15
      'GAARR', // likely: 4 8 12 16 20
      'AARRR', // almost certain: 5 10 15 20 25
    ]);
  });

  it('puts the band edges exactly at 5 and 15', () => {
    expect([riskBand(4), riskBand(5), riskBand(12), riskBand(15)]).toEqual(['GREEN', 'AMBER', 'AMBER', 'RED']);
  });

  it('takes whole numbers from 1 to 5 only, naming the field', () => {
    expect(requireRating('current', { likelihood: 5, impact: 1 })).toEqual({ likelihood: 5, impact: 1 });
    for (const bad of [0, 6, 2.5, Number.NaN, '3' as unknown as number]) {
      const error = refusal(() => requireRating('current', { likelihood: bad, impact: 3 }));
      expect([error.field, error.rule]).toEqual(['current.likelihood', 'riskScale']);
    }
    expect(refusal(() => requireRating('target', { likelihood: 3, impact: 0 })).field).toBe('target.impact');
    expect(refusal(() => requireRating('inherent', undefined)).field).toBe('inherent.likelihood');
  });
});
