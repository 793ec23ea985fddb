import { ImportBudget, ImportLimits } from '../common/import-limits';
import { parseCsvSheet } from './csv-sheet.parser';
import { Sheet, SpreadsheetError } from './spreadsheet';
import { parseXlsxSheets } from './xlsx-sheet.parser';

const ZIP = Buffer.from('PK\x03\x04', 'latin1');
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * Tells a workbook from a CSV by its content, not its name: an XLSX is a ZIP archive; anything
 * else must be text. Excel's plain "CSV" is Windows-1252, its "CSV UTF-8" is UTF-8; both are read.
 * Past any of the limits it throws ImportLimitError. The api and the command line run it on a
 * worker thread (spreadsheet-thread.ts), which also enforces the time limit by ending the thread.
 */
export async function readSpreadsheet(content: Buffer, limits: ImportLimits): Promise<Sheet[]> {
  if (content.length === 0) throw new SpreadsheetError('emptyFile', 'The file is empty');
  const budget = new ImportBudget(limits);
  if (content.subarray(0, 4).equals(ZIP)) return parseXlsxSheets(content, budget);
  if (content.subarray(0, 4).equals(OLE)) {
    throw new SpreadsheetError('unreadableFile', 'This is an old Excel .xls workbook; save it as .xlsx or as CSV and import that');
  }
  if (content.includes(0)) throw new SpreadsheetError('unreadableFile', 'The file is neither an XLSX workbook nor a CSV text file');
  budget.inflate(content.length);
  return [parseCsvSheet(decodeText(content), budget)];
}

function decodeText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    // Node decodes "windows-1252" as Latin-1, which would turn Excel's dashes, curly quotes and € into control characters.
    return content.toString('latin1').replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
  }
}

const WINDOWS_1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
