import { addDays, daysBetween, isCalendarDate } from './calendar-date';

describe('isCalendarDate', () => {
  it.each(['2024-02-29', '2025-02-28', '2025-12-31', '2026-03-31', '2000-02-29'])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each([
    ['29 February in a non-leap year', '2025-02-29'],
    ['30 February', '2025-02-30'],
    ['31 April', '2025-04-31'],
    ['month 13', '2025-13-01'],
    ['month 00', '2025-00-10'],
    ['day 00', '2025-01-00'],
    ['1900, not a leap year', '1900-02-29'],
    ['a one-digit month', '2025-1-01'],
    ['an empty string', ''],
    ['an instant', '2025-01-01T00:00:00Z'],
    ['surrounding spaces', ' 2025-01-01 '],
    ['text before it', 'due 2025-01-01'],
    ['a five-digit year', '12025-01-01'],
    ['a UK-style date', '01/01/2025'],
  ])('rejects %s (%p)', (_case, value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  it.each([null, undefined, 20250101, new Date('2025-01-01'), ['2025-01-01']])('rejects the non-string %p', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
});

describe('addDays', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-01'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-06-01', 42, '2026-07-13'],
    ['2025-03-29', 2, '2025-03-31'],
    ['2026-06-01', 0, '2026-06-01'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-06-01', '2026-06-01', 0],
    ['2025-01-01', '2025-12-31', 364],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-03-29', '2025-03-31', 2],
    ['2025-12-31', '2026-01-01', 1],
    ['2026-07-13', '2026-06-01', -42],
  ])('from %s to %s is %i days', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it('undoes addDays', () => {
    expect(daysBetween('2025-09-24', addDays('2025-09-24', 180))).toBe(180);
  });
});
