import { extname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ImportLimitError, ImportLimitRule, ImportLimits, tooSlow } from '../common/import-limits';
import { CellValue, Sheet, SpreadsheetError } from './spreadsheet';
import type { SpreadsheetAnswer, SpreadsheetJob } from './spreadsheet.worker';

/** Heap a reading thread may grow to before it is stopped: well above what the other limits allow a file to use. */
const THREAD_HEAP_MB = 512;

/**
 * Reads spreadsheets off the event loop, at most `threads` at a time: each thread may grow to
 * THREAD_HEAP_MB, so a burst of uploads waits its turn instead of multiplying that.
 */
export class SpreadsheetReader {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limits: ImportLimits,
    private readonly threads = 2,
    private readonly readOffThread: typeof readSpreadsheetOffThread = readSpreadsheetOffThread,
  ) {}

  async read(content: Buffer): Promise<Sheet[]> {
    if (this.running < this.threads) this.running += 1;
    else await new Promise<void>((turn) => this.waiting.push(turn));
    try {
      return await this.readOffThread(content, this.limits);
    } finally {
      // The slot passes straight to the next in line, so a newcomer cannot slip in between.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

/**
 * Reads a spreadsheet on a thread of its own, so a big file never holds the event loop that
 * answers everyone else, and ends the thread when the time limit passes or the file is read:
 * whatever a hostile file made it allocate goes with the thread. A thread per file costs tens of
 * milliseconds, nothing beside an import.
 */
export function readSpreadsheetOffThread(content: Buffer, limits: ImportLimits): Promise<Sheet[]> {
  return new Promise<Sheet[]>((done, fail) => {
    const worker = startWorker({ content, limits });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    // The thread checks the time itself between chunks; this ends it should one step ever run long.
    const timer = setTimeout(() => settle(() => fail(tooSlow(limits))), limits.maxParseMs + 1000);
    worker.once('message', (answer: SpreadsheetAnswer) => settle(() => ('sheets' in answer ? done(answer.sheets.map(withLocalDates)) : fail(refusal(answer.refused)))));
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        fail(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ImportLimitError('inflatedTooLarge', `Reading the file needed more than the ${THREAD_HEAP_MB} MB an import may use; lower IMPORT_MAX_INFLATED_BYTES or IMPORT_MAX_CELLS`)
            : error,
        ),
      ),
    );
    worker.once('exit', (code) => settle(() => fail(new Error(`The spreadsheet reader stopped (exit code ${code}) before answering`))));
  });
}

/**
 * Dates arrive as Date objects of the realm that received the message; code run in another realm
 * (Jest runs each suite in its own) would not see them as `instanceof Date`, so they are rebuilt here.
 */
function withLocalDates(sheet: Sheet): Sheet {
  const local = (cell: CellValue): CellValue => (Object.prototype.toString.call(cell) === '[object Date]' ? new Date((cell as Date).getTime()) : cell);
  return { ...sheet, rows: sheet.rows.map((row) => ({ row: row.row, cells: row.cells.map(local) })) };
}

function refusal({ name, rule, message }: { name: string; rule: string; message: string }): Error {
  if (name === 'ImportLimitError') return new ImportLimitError(rule as ImportLimitRule, message);
  if (name === 'SpreadsheetError') return new SpreadsheetError(rule as SpreadsheetError['rule'], message);
  return new Error(message);
}

/**
 * Built, this file is JavaScript and so is the worker beside it. Run from the TypeScript sources
 * (the tests, ts-jest), the thread first loads the hook the tests' child processes use, which
 * compiles each .ts file as it is required.
 */
function startWorker(job: SpreadsheetJob): Worker {
  const options = { workerData: job, resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB } };
  const worker = join(__dirname, `spreadsheet.worker${extname(__filename)}`);
  if (extname(__filename) === '.js') return new Worker(worker, options);
  const hook = resolve(__dirname, '../../../../test/support/ts-register.js');
  return new Worker(`require(${JSON.stringify(hook)}); require(${JSON.stringify(worker)});`, { ...options, eval: true });
}
