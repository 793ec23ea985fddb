import { parentPort, workerData } from 'node:worker_threads';
import { ImportLimits } from '../common/import-limits';
import { readSpreadsheet } from './read-spreadsheet';

/** What spreadsheet-thread.ts sends the thread, and what it answers: the sheets, or why the file was refused. */
export interface SpreadsheetJob {
  content: Uint8Array;
  limits: ImportLimits;
}

export type SpreadsheetAnswer = { sheets: Awaited<ReturnType<typeof readSpreadsheet>> } | { refused: { name: string; rule: string; message: string } };

const { content, limits } = workerData as SpreadsheetJob;
readSpreadsheet(Buffer.from(content.buffer, content.byteOffset, content.byteLength), limits).then(
  (sheets) => parentPort!.postMessage({ sheets } satisfies SpreadsheetAnswer),
  (error: Error & { rule?: string }) =>
    parentPort!.postMessage({ refused: { name: error.name, rule: error.rule ?? '', message: error.message } } satisfies SpreadsheetAnswer),
);
