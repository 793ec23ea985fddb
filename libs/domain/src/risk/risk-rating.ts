import { InvalidValueError } from '../shared/domain-error';

/**
 * A risk's likelihood and impact, each 1 to 5, the five-point scales councils' risk registers
 * use. The score is their product, 1 to 25.
 */
export interface RiskRating {
  likelihood: number;
  impact: number;
}

export const LIKELIHOOD_LABELS = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] as const;
export const IMPACT_LABELS = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'] as const;

export const RISK_BANDS = ['GREEN', 'AMBER', 'RED'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

/**
 * The matrix the board reads a score by: 1–4 Green (tolerated, watched), 5–12 Amber (managed,
 * mitigations in hand), 15–25 Red (the board must act). Products 13 and 14 cannot occur; the
 * bands meet at 12/15, so likely × major (4 × 4 = 16) is Red and possible × major (12) Amber.
 */
export const RED_FROM_SCORE = 15;
export const AMBER_FROM_SCORE = 5;

export const riskScore = (rating: RiskRating): number => rating.likelihood * rating.impact;

export function riskBand(score: number): RiskBand {
  if (score >= RED_FROM_SCORE) return 'RED';
  if (score >= AMBER_FROM_SCORE) return 'AMBER';
  return 'GREEN';
}

function requirePoint(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
    throw new InvalidValueError(field, 'riskScale', `${field} must be a whole number from 1 to 5`);
  }
  return value;
}

export function requireRating(field: string, rating: RiskRating | undefined | null): RiskRating {
  return { likelihood: requirePoint(`${field}.likelihood`, rating?.likelihood), impact: requirePoint(`${field}.impact`, rating?.impact) };
}
