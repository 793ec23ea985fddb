/** A cell as a spreadsheet holds it: CSV gives text; XLSX may also give numbers, dates and booleans. */
export type CellValue = string | number | boolean | Date | null;

/** One row of the sheet with the number the council sees beside it in their spreadsheet. */
export interface SheetRow {
  row: number;
  cells: CellValue[];
}

export interface Sheet {
  format: 'csv' | 'xlsx';
  /** The worksheet read, for XLSX. */
  name?: string;
  rows: SheetRow[];
}

/**
 * Why a whole file cannot be read. `rule` is stable for clients (the API answers BAD_USER_INPUT
 * with it); the message says what to do.
 */
export class SpreadsheetError extends Error {
  constructor(
    readonly rule: 'fileTooLarge' | 'unreadableFile' | 'emptyFile' | 'tooManyRows' | 'headerRow',
    message: string,
  ) {
    super(message);
    this.name = 'SpreadsheetError';
  }
}

export const isBlank = (cell: CellValue): boolean => cell === null || (typeof cell === 'string' && cell.trim() === '');
