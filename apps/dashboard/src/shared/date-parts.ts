/**
 * A date typed the GOV.UK way, as day, month and year in three boxes, read into an ISO date or
 * into an error that names which boxes are wrong. The browser's own date box shows mm/dd/yyyy
 * in a US-English browser; three labelled boxes read the same everywhere.
 */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DatePart = keyof DateParts;

export type DateReading = { iso: string } | { iso?: undefined; message: string; parts: DatePart[] };

export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const PART_WORDS: Record<DatePart, string> = { day: 'day', month: 'month', year: 'year' };

/** "2026-12-07" → { day: '7', month: '12', year: '2026' }; anything else gives empty boxes. */
export function partsOf(iso: string): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] } : EMPTY_DATE;
}

// GOV.UK accepts a month written as a word too ("Dec", "december"), as people type it.
function monthNumber(text: string): number {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const word = text.toLowerCase();
  const index = word.length >= 3 ? MONTHS.findIndex((m) => m.startsWith(word)) : -1;
  return index + 1;
}

const joined = (parts: DatePart[]) => parts.map((p) => PART_WORDS[p]).join(' and ');

/**
 * Reads the three boxes. `name` is how the error names the date ("The as at date"); `notAfter`
 * (ISO) refuses a later date. Errors follow the GOV.UK date input's wording.
 */
export function readDate(parts: DateParts, name: string, options: { notAfter?: string } = {}): DateReading {
  const text = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  const missing = (['day', 'month', 'year'] as DatePart[]).filter((p) => text[p] === '');
  if (missing.length === 3) return { message: `Enter ${name.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase())}`, parts: ['day', 'month', 'year'] };
  if (missing.length > 0) return { message: `Enter the ${joined(missing)}`, parts: missing };
  const day = /^\d{1,2}$/.test(text.day) ? Number(text.day) : NaN;
  const month = monthNumber(text.month);
  const wrong: DatePart[] = [];
  if (!(day >= 1 && day <= 31)) wrong.push('day');
  if (!(month >= 1 && month <= 12)) wrong.push('month');
  if (!/^\d{4}$/.test(text.year)) {
    if (wrong.length === 0) return { message: 'Year must include 4 numbers', parts: ['year'] };
    wrong.push('year');
  }
  if (wrong.length > 0) return { message: `${name} must be a real date`, parts: wrong };
  const year = Number(text.year);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return { message: `${name} must be a real date`, parts: ['day'] };
  const iso = `${text.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (options.notAfter && iso > options.notAfter) return { message: `${name} must be today or in the past`, parts: ['day', 'month', 'year'] };
  return { iso };
}
