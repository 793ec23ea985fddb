import { InvalidValueError } from './domain-error';

/**
 * Deliberately loose: one @, something on both sides, a dot in the domain, and nothing that
 * could split or inject a mail header (spaces, commas, angle brackets, control characters).
 */
const EMAIL = /^[^\s@<>,;"\u0000-\u001f\u007f]{1,64}@[^\s@<>,;"\u0000-\u001f\u007f]+\.[^\s@<>,;"\u0000-\u001f\u007f]+$/;

export function isEmailAddress(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 254 && EMAIL.test(value);
}

export function requireEmail(field: string, value: string | undefined | null): string {
  const email = (value ?? '').trim();
  if (!isEmailAddress(email)) throw new InvalidValueError(field, 'isEmail', `${field} must be an email address like name@council.example, got "${value ?? ''}"`);
  return email;
}
