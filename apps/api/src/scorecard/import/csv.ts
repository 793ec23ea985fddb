import { ImportBudget } from '../../common/import-limits';

/** A parsed CSV row: its 1-based line number in the file (the header is row 1) and its cells. */
export interface CsvRow {
  row: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * RFC 4180 as spreadsheets write it: quoted fields may hold commas, quotes ("") and line breaks;
 * CRLF or LF; an Excel byte-order mark is ignored; blank lines are skipped. Each row is counted
 * against the budget as it ends, so a file past a limit is refused there (ImportLimitError).
 */
export function parseCsv(text: string, budget: ImportBudget): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  budget.inflate(Buffer.byteLength(text, 'utf8'));
  const endRow = () => {
    cells.push(cell);
    const held = cells.filter((c) => c.trim() !== '').length;
    if (held > 0) {
      budget.row({ row: rowStart, rows: rows.length + 1, columns: cells.length, cells: held });
      rows.push({ row: rowStart, cells });
    }
    cells = [];
    cell = '';
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
      budget.width({ row: rowStart, columns: cells.length });
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      endRow();
      line++;
      rowStart = line;
    } else cell += c;
  }
  if (quoted) throw new CsvSyntaxError(rowStart, `Row ${rowStart}: a quoted field is never closed`);
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}
