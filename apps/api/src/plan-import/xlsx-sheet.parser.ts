import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { CellValue as ExcelValue, Row, stream } from 'exceljs';
import { ImportBudget, ImportLimitError } from '../common/import-limits';
import { CellValue, Sheet, SheetRow, SpreadsheetError } from './spreadsheet';
import { bufferSource } from '../common/byte-source';
import { ZipEntry, zipCentralDirectory } from '../common/zip-central-directory';
import { unpackedChunks } from './zip-entries';

/**
 * The parts of exceljs's streaming reader that read one part of a workbook each. Its public entry
 * point unzips the whole file itself, and can neither count what it unpacks nor avoid spilling a
 * worksheet that comes before the shared strings to a temporary file (unbounded, before any row is
 * seen); so the ZIP is read here, each part unpacked against the budget, and handed to these.
 * They are exceljs 4.4's own methods: read-spreadsheet.spec.ts fails if an upgrade changes them.
 */
interface PartReaders {
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseStyles(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncIterable<unknown>;
  _parseWorksheet(chunks: AsyncIterable<Buffer>, sheetNo: string): Iterable<{ value: AsyncIterable<Row> & { name: string } }>;
  workbookRels?: { Id: string; Target: string; Type: string }[];
  model?: { sheets?: { name: string; rId: string }[] };
}

const WORKSHEET = /\/worksheet$/;

/**
 * Reads every worksheet of an XLSX workbook as it unpacks, keeping each row's own number (hidden
 * or blank rows above do not shift it). Formulas give their last calculated result, rich text its
 * plain text. Stops at the first limit the budget sets, having unpacked no more than it allows.
 */
export async function parseXlsxSheets(content: Buffer, budget: ImportBudget): Promise<Sheet[]> {
  try {
    const entries = zipCentralDirectory(bufferSource(content));
    if (!entries) throw new Error('it is not a well-formed ZIP archive');
    budget.declared(entries.reduce((sum, e) => sum + e.declaredSize, 0));
    const parts = new Map(entries.map((e) => [e.name, e]));
    const part = (name: string) => Readable.from(unpackedChunks(content, required(parts, name), budget));
    const reader = new stream.xlsx.WorkbookReader(Readable.from([]), { styles: 'cache', sharedStrings: 'cache', hyperlinks: 'ignore', worksheets: 'emit' }) as unknown as PartReaders;
    await reader._parseRels(part('xl/_rels/workbook.xml.rels'));
    await reader._parseWorkbook(part('xl/workbook.xml'));
    // Styles tell a date from a number; shared strings hold most text. Both are read before any sheet.
    if (parts.has('xl/styles.xml')) await reader._parseStyles(part('xl/styles.xml'));
    if (parts.has('xl/sharedStrings.xml')) for await (const _ of reader._parseSharedStrings(part('xl/sharedStrings.xml')));

    const sheets: Sheet[] = [];
    for (const [index, { name, rId }] of (reader.model?.sheets ?? []).entries()) {
      const rel = reader.workbookRels?.find((r) => r.Id === rId && WORKSHEET.test(r.Type));
      if (!rel) continue; // a chart sheet
      const path = rel.Target.startsWith('/') ? rel.Target.slice(1) : posix.normalize(`xl/${rel.Target}`);
      const [{ value: worksheet }] = reader._parseWorksheet(unpackedChunks(content, required(parts, path), budget), String(index + 1));
      sheets.push({ format: 'xlsx', name, rows: await readRows(worksheet, name, budget) });
    }
    return sheets;
  } catch (error) {
    if (error instanceof ImportLimitError || error instanceof SpreadsheetError) throw error;
    throw new SpreadsheetError('unreadableFile', `The file is not a readable XLSX workbook: ${(error as Error).message}`);
  }
}

async function readRows(worksheet: AsyncIterable<Row>, sheet: string, budget: ImportBudget): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of worksheet) {
    const cells: CellValue[] = [];
    let held = 0;
    // Visits only the cells that hold something, however wide the row claims to be.
    row.eachCell((cell, column) => {
      cells[column - 1] = plainValue(cell.value);
      held += 1;
    });
    if (held === 0) continue;
    budget.row({ sheet, row: row.number, rows: rows.length + 1, columns: row.cellCount, cells: held });
    rows.push({ row: row.number, cells: Array.from(cells, (c) => c ?? null) });
  }
  return rows;
}

function required(parts: Map<string, ZipEntry>, name: string): ZipEntry {
  const entry = parts.get(name);
  if (!entry) throw new Error(`it has no ${name}`);
  return entry;
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
