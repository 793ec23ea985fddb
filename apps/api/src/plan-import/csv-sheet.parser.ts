import { parse } from 'csv-parse/sync';
import { ImportBudget, ImportLimitError } from '../common/import-limits';
import { isBlank, Sheet, SheetRow, SpreadsheetError } from './spreadsheet';

/**
 * Reads a CSV as Excel shows it: each record is one row, blank lines count as rows, so a row
 * number in a report is the row the council sees when they open the file. Excel's byte-order
 * mark, CRLF, quoted commas and line breaks inside quotes are all as spreadsheets write them.
 * Each record is counted against the budget as it is parsed, so a file past a limit stops there.
 */
export function parseCsvSheet(content: string, budget: ImportBudget): Sheet {
  let records: string[][];
  let read = 0;
  let held = 0;
  try {
    records = parse(content, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      // Spreadsheets mix line endings; csv-parse would otherwise take the first one it sees as the only one.
      record_delimiter: ['\r\n', '\n', '\r'],
      on_record: (record: string[]) => {
        read += 1;
        const cells = record.filter((cell) => !isBlank(cell)).length;
        if (cells > 0) budget.row({ row: read, rows: ++held, columns: record.length, cells });
        else budget.checkTime();
        return record;
      },
    }) as string[][];
  } catch (error) {
    if (error instanceof ImportLimitError) throw error;
    const line = (error as { lines?: number }).lines;
    const where = line ? ` near line ${line}` : '';
    throw new SpreadsheetError('unreadableFile', `The file is not a readable CSV${where}: ${(error as Error).message}`);
  }
  const sheetRows: SheetRow[] = records.map((cells, index) => ({ row: index + 1, cells }));
  return { format: 'csv', rows: sheetRows };
}
