import { InvalidValueError } from '../shared/domain-error';

/** A condition reads C and a number (C2), as the direction or agreement numbers its conditions. */
export const CONDITION_REF_PATTERN = /^C[1-9]\d{0,2}$/;

export function requireConditionRef(ref: string | undefined | null): string {
  const text = (ref ?? '').trim();
  if (!CONDITION_REF_PATTERN.test(text)) {
    throw new InvalidValueError('ref', 'conditionRefFormat', 'ref must be C followed by a number from 1 to 999 without leading zeros, e.g. C2');
  }
  return text;
}
