/**
 * How far reading an imported file (a plan's spreadsheet, a measurements CSV) may go before it is
 * refused. A 1 MB workbook can unpack to millions of rows, so the size of the upload alone says
 * nothing about the work of reading it; these bound the work itself.
 */
export interface ImportLimits {
  /** Rows holding a value in one worksheet or CSV, title and header rows included. */
  maxRows: number;
  /** The width of a row: the column of its last cell. */
  maxColumns: number;
  /** Cells holding a value in the whole file. */
  maxCells: number;
  /** Bytes a workbook's parts unpack to, counted as they unpack; for a CSV, its bytes. */
  maxInflatedBytes: number;
  /** How long reading the file may take. */
  maxParseMs: number;
}

export type ImportLimitRule = 'tooManyRows' | 'tooManyColumns' | 'tooManyCells' | 'inflatedTooLarge' | 'tooSlowToRead';

/** A file refused for going past one of the limits; the message names the limit and its setting. */
export class ImportLimitError extends Error {
  constructor(
    readonly rule: ImportLimitRule,
    message: string,
  ) {
    super(message);
    this.name = 'ImportLimitError';
  }
}

const count = (n: number) => n.toLocaleString('en-GB');
const inSheet = (sheet: string | undefined) => (sheet === undefined ? '' : ` of worksheet "${sheet}"`);

/**
 * Counts what one file's reading has used so far and refuses the file the moment it goes past a
 * limit, so a hostile file costs no more than the limits allow, however far it would go.
 */
export class ImportBudget {
  private inflated = 0;
  private cells = 0;
  private readonly deadline: number;

  constructor(
    readonly limits: ImportLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.deadline = now() + limits.maxParseMs;
  }

  /** What the file says it will unpack to: refused at once when that is already too much. */
  declared(bytes: number): void {
    if (bytes > this.limits.maxInflatedBytes) {
      throw new ImportLimitError(
        'inflatedTooLarge',
        `The workbook unpacks to ${count(bytes)} bytes; an import reads at most ${count(this.limits.maxInflatedBytes)} (IMPORT_MAX_INFLATED_BYTES)`,
      );
    }
  }

  /** Bytes as they are unpacked: a ZIP that understates its sizes is stopped all the same. */
  inflate(bytes: number): void {
    this.inflated += bytes;
    if (this.inflated > this.limits.maxInflatedBytes) {
      throw new ImportLimitError(
        'inflatedTooLarge',
        `The file's content, unpacked, is larger than ${count(this.limits.maxInflatedBytes)} bytes, the most an import reads (IMPORT_MAX_INFLATED_BYTES)`,
      );
    }
    this.checkTime();
  }

  /**
   * One more row holding a value: `rows` is how many this sheet has had so far, `columns` the
   * row's width and `cells` how many of its cells hold a value.
   */
  row(where: { sheet?: string; row: number; rows: number; columns: number; cells: number }): void {
    if (where.rows > this.limits.maxRows) {
      throw new ImportLimitError(
        'tooManyRows',
        `The file has more than ${count(this.limits.maxRows)} rows${inSheet(where.sheet)}, the most an import reads (IMPORT_MAX_ROWS)`,
      );
    }
    this.width(where);
    this.cells += where.cells;
    if (this.cells > this.limits.maxCells) {
      throw new ImportLimitError(
        'tooManyCells',
        `The file has more than ${count(this.limits.maxCells)} cells with values, the most an import reads (IMPORT_MAX_CELLS)`,
      );
    }
    this.checkTime();
  }

  /** A row's width, also checked while a CSV row is still growing: a line of a million commas is one row. */
  width(where: { sheet?: string; row: number; columns: number }): void {
    if (where.columns > this.limits.maxColumns) {
      throw new ImportLimitError(
        'tooManyColumns',
        `Row ${where.row}${inSheet(where.sheet)} is ${count(where.columns)} columns wide; an import reads at most ${count(this.limits.maxColumns)} (IMPORT_MAX_COLUMNS)`,
      );
    }
  }

  checkTime(): void {
    if (this.now() > this.deadline) throw tooSlow(this.limits);
  }
}

export function tooSlow(limits: ImportLimits): ImportLimitError {
  return new ImportLimitError(
    'tooSlowToRead',
    `Reading the file took longer than ${limits.maxParseMs / 1000} s, the most an import may take (IMPORT_MAX_SECONDS)`,
  );
}
