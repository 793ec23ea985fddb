import { InvalidValueError } from '../shared/domain-error';

/**
 * A risk reference reads R and a number (R1, R12), as councils' registers number them, with no
 * leading zero, so it can never be mistaken for an action's reference (8.2).
 */
export const RISK_REF_PATTERN = /^R[1-9]\d{0,3}$/;

export function requireRiskRef(ref: string | undefined | null): string {
  const text = (ref ?? '').trim();
  if (!RISK_REF_PATTERN.test(text)) {
    throw new InvalidValueError('ref', 'riskRefFormat', 'ref must be R followed by a number from 1 to 9999 without leading zeros, e.g. R3');
  }
  return text;
}
