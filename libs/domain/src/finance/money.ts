import { InvalidValueError } from '../shared/domain-error';

/**
 * Money is a whole number of pence, never a binary float: £0.10 + £0.20 must be £0.30 exactly, and
 * a £183m deficit (18,300,000,000p) is past 2^31 but far inside the 2^53 a JSON number holds
 * exactly. The cap, £1 trillion, keeps every sum of a plan's figures exact too.
 */
export type Pence = number;

export const MAX_PENCE: Pence = 10 ** 14;

/** Pounds with at most two decimal places: "183000000", "113257000.50", "-1250.5". No £, no commas. */
const POUNDS = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/;

export class MoneyFormatError extends InvalidValueError {
  constructor(field: string, value: unknown) {
    super(field, 'money', `${field} must be an amount in pounds with at most two decimal places, e.g. 113257000 or 57500000.00; got ${JSON.stringify(value)}`);
  }
}

export class NegativeMoneyError extends InvalidValueError {
  constructor(field: string) {
    super(field, 'notNegative', `${field} cannot be negative`);
  }
}

/**
 * Reads pounds written as a decimal string into exact pence, digit by digit so no float is ever
 * involved. Negative amounts only where a figure may be a surplus (`allowNegative`).
 */
export function parsePounds(field: string, value: unknown, options: { allowNegative?: boolean } = {}): Pence {
  if (typeof value !== 'string') throw new MoneyFormatError(field, value);
  const match = POUNDS.exec(value);
  if (!match) throw new MoneyFormatError(field, value);
  const [, sign, pounds, fraction = ''] = match;
  const pence = Number(pounds) * 100 + Number(fraction.padEnd(2, '0'));
  if (sign && pence !== 0 && !options.allowNegative) throw new NegativeMoneyError(field);
  return sign && pence !== 0 ? -pence : pence;
}

/** Checks pence that arrive already counted (events, the demo): a safe integer within the cap. */
export function requirePence(field: string, value: unknown, options: { allowNegative?: boolean } = {}): Pence {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || Math.abs(value) > MAX_PENCE) throw new MoneyFormatError(field, value);
  if (value < 0 && !options.allowNegative) throw new NegativeMoneyError(field);
  return value;
}

/** Pence as pounds with two decimals, "113257000.00", for exports and the API beside the pence. */
export function formatPounds(pence: Pence): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const PENCE_PER_THOUSAND_POUNDS = 100_000;

/**
 * Pence as the board reads it: millions of pounds to three places, "£113.257m", rounding half away
 * from zero on the whole pence so a figure and its negative show the same digits. A deficit that
 * turns into a surplus shows as "-£2.500m".
 */
export function formatMillions(pence: Pence): string {
  const abs = Math.abs(pence);
  let thousands = Math.trunc(abs / PENCE_PER_THOUSAND_POUNDS);
  if ((abs % PENCE_PER_THOUSAND_POUNDS) * 2 >= PENCE_PER_THOUSAND_POUNDS) thousands += 1;
  const text = `£${Math.trunc(thousands / 1000)}.${String(thousands % 1000).padStart(3, '0')}m`;
  return pence < 0 && thousands > 0 ? `-${text}` : text;
}
