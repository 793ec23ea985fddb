import { CalendarDate, isCalendarDate, ReportableRag, ukMonthName } from '@send/domain';
import { CellValue } from './spreadsheet';

/** A cell read for what it means, or why it cannot be. */
export type Read<T> = { value: T } | { code: string; message: string };

export const isProblem = <T>(read: Read<T>): read is { code: string; message: string } => 'code' in read;

export function textOf(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).replace(/\s+/g, ' ').trim();
}

/** Long text keeps its line breaks: commentary and descriptions are written in paragraphs. */
export function longTextOf(cell: CellValue | undefined): string {
  if (typeof cell !== 'string') return textOf(cell);
  return cell.replace(/\r\n?/g, '\n').replace(/[ \t]+/g, ' ').trim();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Dates as councils write them: ISO (2026-03-31), day first as in the UK (31/03/2026, 31.03.26,
 * 31-03-2026), with the month in words (31 March 2026, 31-Mar-2026), or a real date cell in
 * Excel. Never month first: 03/04/2026 is the 3rd of April. A date that does not exist
 * (30/02/2026) is refused, not rolled over.
 */
export function readDate(cell: CellValue | undefined): Read<CalendarDate> {
  if (cell instanceof Date) return { value: `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}` };
  if (typeof cell === 'number') {
    // A date cell without a date format shows Excel's day count since 1899-12-30.
    if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) return notADate(String(cell));
    return { value: new Date(EXCEL_EPOCH_MS + cell * 86_400_000).toISOString().slice(0, 10) };
  }
  const text = textOf(cell);
  let parts: [number, number, number] | undefined;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(text);
  if (match) parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  match ??= /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
  if (match && !parts) parts = [year(match[3]), Number(match[2]), Number(match[1])];
  const words = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?[\s-]+(\d{4}|\d{2})$/i.exec(text);
  if (words) {
    const month = MONTHS.indexOf(words[2].slice(0, 3).toLowerCase()) + 1;
    const spelled = words[2].toLowerCase();
    if (month > 0 && (spelled.length === 3 || fullMonthName(month).startsWith(spelled))) parts = [year(words[3]), month, Number(words[1])];
  }
  if (!parts) return notADate(text);
  const iso = `${String(parts[0]).padStart(4, '0')}-${pad(parts[1])}-${pad(parts[2])}`;
  if (!isCalendarDate(iso)) {
    const month = ukMonthName(parts[1]);
    return { code: 'IMPOSSIBLE_DATE', message: `"${text}" is not a real date (there is no ${month ? `${parts[2]} ${month} ${parts[0]}` : `month ${parts[1]}`})` };
  }
  return { value: iso };
}

const year = (digits: string) => (digits.length === 2 ? 2000 + Number(digits) : Number(digits));
const fullMonthName = (month: number) => new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }).toLowerCase();
const notADate = (text: string) => ({
  code: 'BAD_DATE',
  message: `"${text}" is not a date; write it as 2026-03-31, 31/03/2026 or 31 March 2026, or use a date cell`,
});

/** What the RAG column may say. Blank or "not yet rated" means no update to record. */
export function readRag(cell: CellValue | undefined): Read<ReportableRag | null> {
  const text = textOf(cell);
  const word = text.toLowerCase().replace(/[^a-z]/g, '');
  if (['', 'notyetrated', 'notrated', 'nyr'].includes(word)) return { value: null };
  if (word === 'r' || word === 'red') return { value: 'RED' };
  if (word === 'a' || word === 'amber') return { value: 'AMBER' };
  if (word === 'g' || word === 'green') return { value: 'GREEN' };
  if (['b', 'blue', 'complete', 'completed'].includes(word)) {
    return {
      code: 'BLUE_NOT_IMPORTABLE',
      message: `"${text}" (Blue, complete) cannot be imported: an action is only Blue once the board has accepted its evidence. Import it as Green and have the board complete it`,
    };
  }
  return { code: 'BAD_RAG', message: `"${text}" is not a RAG rating; use Red, Amber or Green (or leave it blank if not yet rated)` };
}

export interface Numbered {
  number: number;
  name: string;
}

const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * An area or priority by its number ("8", "Area 8", "P7"), its name ("Managing Resources"), or
 * both ("8 - Managing Resources"), as long as both agree and it is one of the plan's.
 */
export function readNumbered(text: string, choices: Numbered[], what: string): Read<number> {
  const match = /^(?:area|priority|p)?\s*(\d+)\s*(?:[.:)\-–]\s*(.*))?$/i.exec(text.trim());
  const byName = choices.find((c) => words(c.name) === words(match ? (match[2] ?? '') : text));
  if (match) {
    const number = Number(match[1]);
    const chosen = choices.find((c) => c.number === number);
    if (!chosen) return { code: `UNKNOWN_${what.toUpperCase()}`, message: `"${text}" is not one of the plan's ${what}s (${choices[0].number}–${choices[choices.length - 1].number})` };
    if (match[2] && words(match[2]) !== '' && byName?.number !== number) {
      return { code: `UNKNOWN_${what.toUpperCase()}`, message: `"${text}": ${what} ${number} is "${chosen.name}", not "${match[2].trim()}"` };
    }
    return { value: number };
  }
  if (byName) return { value: byName.number };
  return { code: `UNKNOWN_${what.toUpperCase()}`, message: `"${text}" is not one of the plan's ${what}s; give its number or its name as the plan has it` };
}

/** Zero or more priorities, separated by semicolons, commas or line breaks ("1; 7"). */
export function readPriorities(cell: CellValue | undefined, choices: Numbered[]): Read<number[]> {
  const parts = longTextOf(cell).split(/[;,|\n]/).map((p) => p.trim()).filter((p) => p !== '');
  const numbers: number[] = [];
  const problems: string[] = [];
  for (const part of parts) {
    const read = readNumbered(part, choices, 'priority');
    if (isProblem(read)) problems.push(read.message);
    else numbers.push(read.value);
  }
  if (problems.length > 0) return { code: 'UNKNOWN_PRIORITY', message: problems.join('; ') };
  return { value: [...new Set(numbers)].sort((a, b) => a - b) };
}
