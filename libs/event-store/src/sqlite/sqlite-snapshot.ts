import { Worker } from 'node:worker_threads';

/**
 * Copies a live SQLite event store to `target` as one consistent snapshot, while the api goes on
 * appending. `VACUUM INTO` reads the whole file inside a single read transaction, so the copy is
 * exactly the store at one commit: never half an append, never a stream without the events its
 * revision counts. In WAL mode a reader blocks no writer, so appends go on meanwhile (the log
 * only cannot be checkpointed past the snapshot until it ends). SQLite's page-by-page backup API
 * was not used: it starts again whenever another connection writes, so under a steady stream of
 * appends it might never finish.
 *
 * It runs on a thread of its own, so a process that also serves requests (or a test driving the
 * api in the same process) keeps its event loop while a large store is copied.
 */
export function snapshotSqliteFile(source: string, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SNAPSHOT, { eval: true, workerData: { source, target, driver: require.resolve('better-sqlite3') } });
    let failure: unknown;
    worker.once('message', (message: { error?: string; code?: string }) => {
      if (message.error) failure = Object.assign(new Error(message.error), { code: message.code });
    });
    worker.once('error', (error) => (failure = error));
    worker.once('exit', (code) => {
      if (failure) reject(failure);
      else if (code !== 0) reject(new Error(`The snapshot thread stopped with exit code ${code}`));
      else resolve();
    });
  });
}

/** Plain JavaScript, run as the worker's source, so it needs no compile step in tests or in dist. */
const SNAPSHOT = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.source, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.prepare('VACUUM INTO ?').run(workerData.target);
  parentPort.postMessage({});
} catch (error) {
  parentPort.postMessage({ error: error.message, code: error.code });
} finally {
  if (db) db.close();
}
`;
