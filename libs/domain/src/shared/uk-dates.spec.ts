import { ukDate, ukDatesIn, ukDateTime, ukPeriod } from './uk-dates';

describe('Sentences for people print dates the GOV.UK way, in UK time', () => {
  it.each([
    ['2026-03-31', '31 March 2026'],
    ['2026-12-07', '7 December 2026'],
    ['2026-09-01', '1 September 2026'],
    ['not a date', 'not a date'],
    ['2026-02-30', '2026-02-30'],
  ])('the date %s reads "%s"', (iso, words) => {
    expect(ukDate(iso)).toBe(words);
  });

  it.each([
    ['the end of a summer quarter (BST)', '2026-03-31T22:59:59.999Z', '31 March 2026 at 11:59pm'],
    ['the end of a winter quarter (GMT, as UTC)', '2025-12-31T23:59:59.999Z', '31 December 2025 at 11:59pm'],
    ['23:30Z on 31 March, already 1 April in London', '2026-03-31T23:30:00.000Z', '1 April 2026 at 12:30am'],
    ['a winter morning', '2026-02-16T10:00:00.000Z', '16 February 2026 at 10:00am'],
    ['a summer afternoon', '2026-06-15T13:05:00.000Z', '15 June 2026 at 2:05pm'],
    ['midnight', '2026-01-01T00:00:00.000Z', '1 January 2026 at midnight'],
    ['midday in BST', '2026-07-01T11:00:00.000Z', '1 July 2026 at midday'],
    ['the minute after midday', '2026-07-01T11:01:00.000Z', '1 July 2026 at 12:01pm'],
  ])('%s: %s reads "%s"', (_case, instant, words) => {
    expect(ukDateTime(instant)).toBe(words);
  });

  it('names the month of a monthly scorecard period and leaves other periods as they are', () => {
    expect(['2024-09', '2023/24', '2025/26 T1', '2022'].map(ukPeriod)).toEqual(['September 2024', '2023/24', '2025/26 T1', '2022']);
  });

  it('rewrites the ISO dates inside a sentence', () => {
    expect(ukDatesIn('Progress as at 2026-03-16 (due 2026-08-14)')).toBe('Progress as at 16 March 2026 (due 14 August 2026)');
  });
});
