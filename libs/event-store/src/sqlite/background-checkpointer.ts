import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** What the writer's own checkpoint is raised to, as a backstop: about 40 MB of log, ten times SQLite's default. */
export const BACKSTOP_CHECKPOINT_PAGES = 10_000;
const CHECKPOINT_EVERY_MS = 100;
/**
 * The write-ahead log's size once cut back: the checkpoint thread truncates a log that has grown
 * past it, and every connection to the file keeps it as its journal_size_limit, so a log SQLite
 * resets itself is cut back to it too.
 */
export const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;
/**
 * What the log stays under while the file is written (docs/operations.md): the limit, plus what
 * is written before the next tick cuts it back. One tick's appends (100 ms) are far less than
 * the limit; a read that holds an old snapshot for longer delays the cut until it ends.
 */
export const WAL_SIZE_BOUND_BYTES = 2 * WAL_SIZE_LIMIT_BYTES;

/**
 * Copies committed pages from the write-ahead log back into the database file on a thread of its
 * own. Left to SQLite, the commit that fills the log past its threshold does this copy (random
 * writes all over a gigabyte file, then an fsync) while every appender waits: at national scale a
 * shared commit of sixteen appends took 2–3 ms instead of under 1. A PASSIVE checkpoint never
 * takes the write lock, so appends go on while it runs; the writer keeps SQLite's own
 * checkpoint as a backstop, at a larger threshold, should this thread fall behind.
 *
 * The SQLite read database uses it too (read-database.ts): a live projection batch at national
 * scale dirties over a thousand pages, so SQLite's own checkpoint ran inside nearly every batch's
 * commit, and the whole event loop (commands and reads) waited for it.
 *
 * A PASSIVE checkpoint never shrinks the log, and under a steady stream of commits it rarely
 * catches the last one, so SQLite never starts the log again from the top: it grew to the
 * backstop's 40 MB and stayed there. So once the log is past WAL_SIZE_LIMIT_BYTES, the thread
 * asks for a TRUNCATE checkpoint, which waits its turn for the write lock (its own busy timeout,
 * on this thread), copies the few pages the last PASSIVE one left and empties the log. Appenders
 * wait only for that short copy; if readers are still on the log it gives up and tries next tick.
 */
export class BackgroundCheckpointer {
  private readonly worker: Worker;
  private stopped: Promise<void> | undefined;

  constructor(filename: string, intervalMs = CHECKPOINT_EVERY_MS) {
    this.worker = new Worker(CHECKPOINT_LOOP, {
      eval: true,
      workerData: { filename, intervalMs, limitBytes: WAL_SIZE_LIMIT_BYTES, driver: require.resolve('better-sqlite3') },
    });
    // Never what keeps a process alive; close() ends it cleanly.
    this.worker.unref();
    // A failed checkpoint is retried on the next tick; one that cannot run leaves SQLite's own to do the work.
    this.worker.on('error', () => undefined);
  }

  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      this.worker.once('exit', () => resolve());
      // Held again while it finishes: with nothing else pending, an unreferenced worker would let
      // the process end right here, before close() returns and its caller sets the exit code.
      this.worker.ref();
      this.worker.postMessage('stop');
    });
    return this.stopped;
  }
}

/**
 * A writer's own connection, when the checkpoint thread keeps its file: SQLite's checkpoint inside
 * a commit only as the backstop, and a log it starts again from the top cut back to the limit.
 */
export function leaveCheckpointsToTheThread(db: { pragma(source: string): unknown }): void {
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
}

/** The size of a database file's write-ahead log on disk now; 0 when it has none. */
export function writeAheadLogSize(filename: string): number {
  try {
    return statSync(`${filename}-wal`).size;
  } catch {
    return 0;
  }
}

/** Plain JavaScript, run as the worker's source, so it needs no compile step in tests or in dist. */
const CHECKPOINT_LOOP = `
const { statSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename, { fileMustExist: true });
db.pragma('synchronous = FULL');
db.pragma('journal_size_limit = ' + workerData.limitBytes);
db.pragma('busy_timeout = 50');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const truncate = db.prepare('PRAGMA wal_checkpoint(TRUNCATE)');
const log = workerData.filename + '-wal';
const logSize = () => { try { return statSync(log).size; } catch { return 0; } };
const timer = setInterval(() => {
  try {
    checkpoint.get();
    if (logSize() > workerData.limitBytes) truncate.get();
  } catch { /* busy or gone: try again next tick */ }
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  try { checkpoint.get(); } catch {}
  db.close();
  parentPort.close();
});
`;
