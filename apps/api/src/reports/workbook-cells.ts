import { Worksheet } from 'exceljs';
import { londonWallClock, Pence } from '@send/domain';

/** One column of a sheet: its heading, its width in characters, and how its cells are shown. */
export interface SheetColumn {
  header: string;
  width: number;
  format?: 'date' | 'dateTime' | 'pounds' | 'number';
}

export type SheetCell = string | number | boolean | Date | null;

const FORMATS = { date: 'dd/mm/yyyy', dateTime: 'dd/mm/yyyy hh:mm', pounds: '£#,##0.00;-£#,##0.00', number: '#,##0.###' } as const;

/**
 * A calendar day as an Excel date. Excel has no time zones: the serial is the day itself, so the
 * Date is built at UTC midnight, which exceljs writes as that day and no other.
 */
export function excelDate(day: string | null): Date | null {
  return day ? new Date(`${day.slice(0, 10)}T00:00:00.000Z`) : null;
}

/** An instant as the London clock showed it, for a cell an auditor reads in UK time. */
export function excelDateTime(instant: string | null): Date | null {
  return instant ? new Date(`${londonWallClock(instant)}Z`) : null;
}

/**
 * Pence as a number of pounds. Integer pence divided by 100 is the nearest double to the exact
 * amount, so the cell holds the figure a reader types in, and the format shows its two decimals.
 */
export const pounds = (pence: Pence | null | undefined): number | null => (pence === null || pence === undefined ? null : pence / 100);

/**
 * A sheet with its header row frozen, its columns sized and formatted, and an autofilter over the
 * data, so an auditor can sort and filter without first tidying it.
 */
export function fillSheet(sheet: Worksheet, columns: SheetColumn[], rows: SheetCell[][]): void {
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.format ? { numFmt: FORMATS[c.format] } : {} }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { vertical: 'top', wrapText: true };
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: columns.length } };
}

/** "NOT_YET_RATED" → "Not yet rated": the code as a phrase, for values that have no special word. */
export const phrase = (code: string | null | undefined): string | null => (code ? code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ') : null);
