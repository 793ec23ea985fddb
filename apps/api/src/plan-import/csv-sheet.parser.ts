import { parse } from 'csv-parse/sync';
import { Sheet, SheetRow, SpreadsheetError } from './spreadsheet';

/**
 * Reads a CSV as Excel shows it: each record is one row, blank lines count as rows, so a row
 * number in a report is the row the council sees when they open the file. Excel's byte-order
 * mark, CRLF, quoted commas and line breaks inside quotes are all as spreadsheets write them.
 */
export function parseCsvSheet(content: string): Sheet {
  let records: string[][];
  try {
    records = parse(content, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      // Spreadsheets mix line endings; csv-parse would otherwise take the first one it sees as the only one.
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const where = line ? ` near line ${line}` : '';
    throw new SpreadsheetError('unreadableFile', `The file is not a readable CSV${where}: ${(error as Error).message}`);
  }
  const rows: SheetRow[] = records.map((cells, index) => ({ row: index + 1, cells }));
  return { format: 'csv', rows };
}
