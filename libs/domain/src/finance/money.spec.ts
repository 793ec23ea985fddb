import { refusal } from '../shared/refusal.fixture';
import { formatMillions, formatPounds, MAX_PENCE, parsePounds, requirePence } from './money';

describe('parsePounds', () => {
  it.each<[string, number]>([
    ['183000000', 18_300_000_000],
    ['113257000.50', 11_325_700_050],
    ['57500000.5', 5_750_000_050],
    ['0.10', 10],
    ['0', 0],
    ['999999999999.99', 99_999_999_999_999],
  ])('reads %p as %d pence exactly', (text, pence) => {
    expect(parsePounds('budget', text)).toBe(pence);
  });

  it('adds up without float error: 0.10 + 0.20 is 0.30', () => {
    expect(parsePounds('a', '0.10') + parsePounds('b', '0.20')).toBe(parsePounds('c', '0.30'));
  });

  it('keeps £183m past 2^31 and inside 2^53', () => {
    const pence = parsePounds('budget', '183000000');
    expect(pence).toBeGreaterThan(2 ** 31);
    expect(Number.isSafeInteger(pence)).toBe(true);
  });

  it.each(['£183m', '183,000,000', '1.234', '1e9', '', ' 12', '12.', '.5', '0x10', '1000000000000'])('refuses %p, naming the field', (text) => {
    const error = refusal(() => parsePounds('dsgAllocation', text));
    expect(error).toMatchObject({ kind: 'invalid', field: 'dsgAllocation', rule: 'money' });
    expect(error.message).toContain('dsgAllocation must be an amount in pounds');
  });

  it('refuses a number, which may already have lost pence to binary rounding', () => {
    expect(refusal(() => parsePounds('budget', 0.3)).rule).toBe('money');
  });

  it('refuses a negative amount unless a surplus is allowed', () => {
    expect(refusal(() => parsePounds('budget', '-5'))).toMatchObject({ field: 'budget', rule: 'notNegative' });
    expect(parsePounds('openingCumulativeDeficit', '-2500000', { allowNegative: true })).toBe(-250_000_000);
    expect(parsePounds('budget', '-0.00')).toBe(0);
  });
});

describe('requirePence', () => {
  it('accepts a safe integer within the cap and refuses fractions, floats past the cap and negatives', () => {
    expect(requirePence('x', 18_300_000_000)).toBe(18_300_000_000);
    expect(refusal(() => requirePence('x', 1.5)).rule).toBe('money');
    expect(refusal(() => requirePence('x', MAX_PENCE + 1)).rule).toBe('money');
    expect(refusal(() => requirePence('x', -1)).rule).toBe('notNegative');
  });
});

describe('formatMillions', () => {
  it.each<[number, string]>([
    [11_325_700_000, '£113.257m'],
    [36_583_000_000, '£365.830m'],
    [4_974_500_000, '£49.745m'],
    [5_750_000_000, '£57.500m'],
    [18_300_000_000, '£183.000m'],
    [4_974_549_999, '£49.745m'],
    [4_974_550_000, '£49.746m'],
    [0, '£0.000m'],
    [-250_000_000, '-£2.500m'],
    [-4_999, '£0.000m'],
    [99_999_999_999_999, '£1000000.000m'],
  ])('shows %d pence as %s', (pence, text) => {
    expect(formatMillions(pence)).toBe(text);
  });
});

describe('formatPounds', () => {
  it('shows pounds and pence', () => {
    expect(formatPounds(11_325_700_050)).toBe('113257000.50');
    expect(formatPounds(-5)).toBe('-0.05');
    expect(formatPounds(0)).toBe('0.00');
  });
});
