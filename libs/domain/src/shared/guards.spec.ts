import { InvalidValueError } from './domain-error';
import { requireDate, requirePastOrToday, requireText } from './guards';

function refusal(run: () => unknown): InvalidValueError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidValueError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('requireText', () => {
  it.each([
    ['empty', ''],
    ['spaces and line breaks', ' \t\r\n '],
    ['a zero-width space', '\u200B'],
    ['zero-width non-joiner and joiner', '\u200C\u200D'],
    ['a word joiner', '\u2060'],
    ['a byte order mark', '\uFEFF'],
    ['invisible characters between spaces', ' \u200B \u2060\uFEFF\u200D '],
    ['a soft hyphen', '\u00AD'],
  ])('refuses %s as blank, naming the field and rule', (_, value) => {
    const error = refusal(() => requireText('title', value));
    expect(error).toMatchObject({ field: 'title', rule: 'required' });
    expect(error.message).toContain('title is required and must not be blank');
  });

  it.each([
    ['text around a zero-width space', 'Send\u200Bplan', 'Send\u200Bplan'],
    ['an emoji joined with zero-width joiners', '👨‍👩‍👧', '👨‍👩‍👧'],
    ['text with surrounding spaces, trimmed', '  Review EHCP timeliness ', 'Review EHCP timeliness'],
  ])('keeps %s', (_, value, kept) => {
    expect(requireText('title', value)).toBe(kept);
  });
});

describe('requireDate', () => {
  it.each(['2000-01-01', '2026-03-31', '2100-12-31'])('accepts %s, inside 2000-01-01..2100-12-31', (value) => {
    expect(requireDate('dueDate', value)).toBe(value);
  });

  it.each([
    ['9999-12-31', '31 December 9999'],
    ['2101-01-01', '1 January 2101'],
    ['1999-12-31', '31 December 1999'],
    ['1066-10-14', '14 October 1066'],
  ])('refuses %s as out of range, naming the field and rule, and saying the dates the British way', (value, words) => {
    const error = refusal(() => requireDate('dueDate', value));
    expect(error).toMatchObject({ field: 'dueDate', rule: 'dateInRange' });
    expect(error.message).toBe(`dueDate (${words}) must be between 1 January 2000 and 31 December 2100`);
  });

  it('still refuses a date that does not exist first', () => {
    expect(refusal(() => requireDate('dueDate', '2025-02-30'))).toMatchObject({ rule: 'isCalendarDate' });
  });

  it('bounds dates that must not be in the future too', () => {
    expect(refusal(() => requirePastOrToday('asAt', '1999-12-31', '2026-06-15T10:00:00.000Z'))).toMatchObject({ field: 'asAt', rule: 'dateInRange' });
  });
});
