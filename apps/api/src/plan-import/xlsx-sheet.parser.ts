import { CellValue as ExcelValue, Workbook } from 'exceljs';
import { CellValue, Sheet, SheetRow, SpreadsheetError } from './spreadsheet';

/**
 * Reads every worksheet of an XLSX workbook, keeping each row's own number (hidden or blank rows
 * above do not shift it). Formulas give their last calculated result, rich text its plain text.
 */
export async function parseXlsxSheets(content: Buffer): Promise<Sheet[]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw new SpreadsheetError('unreadableFile', `The file is not a readable XLSX workbook: ${(error as Error).message}`);
  }
  return workbook.worksheets.map((worksheet) => {
    const rows: SheetRow[] = [];
    worksheet.eachRow((row, number) => {
      const values = row.values as ExcelValue[];
      // exceljs puts column A at index 1.
      rows.push({ row: number, cells: values.slice(1).map(plainValue) });
    });
    return { format: 'xlsx' as const, name: worksheet.name, rows };
  });
}

function plainValue(value: ExcelValue | undefined): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return plainValue(value.result as ExcelValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return String(value.error);
  return null;
}
