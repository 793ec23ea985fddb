import Database from 'better-sqlite3';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * What the disk allows: the same row shape as our events table, inserted one row per durable
 * commit (WAL, synchronous=FULL) and then in batches of 1,000 per commit.
 */
export function sqliteCeilings(dir: string, rows: number): { onePerCommit: number; batched: number } {
  const db = new Database(join(dir, 'ceiling.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (position INTEGER PRIMARY KEY, id TEXT UNIQUE, stream TEXT, revision INTEGER, type TEXT, data TEXT, metadata TEXT)');
  const insert = db.prepare('INSERT INTO t (id, stream, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
  const data = JSON.stringify({ actionId: 'x'.repeat(36), rag: 'GREEN', previousRag: 'AMBER', commentary: 'c'.repeat(120), asAt: '2026-01-31' });
  const meta = JSON.stringify({ schemaVersion: 1, occurredAt: new Date().toISOString(), commandId: 'y'.repeat(36) });
  let n = 0;
  const one = db.transaction(() => insert.run(`a${n}`, `s${n % 100}`, n++, 'ProgressReported', data, meta));
  let started = performance.now();
  for (let i = 0; i < rows; i++) one.immediate();
  const onePerCommit = rows / ((performance.now() - started) / 1000);
  const batch = db.transaction((count: number) => {
    for (let i = 0; i < count; i++) insert.run(`b${n}`, `s${n % 100}`, n++, 'ProgressReported', data, meta);
  });
  const batchedRows = rows * 20;
  started = performance.now();
  for (let done = 0; done < batchedRows; done += 1000) batch.immediate(1000);
  const batched = batchedRows / ((performance.now() - started) / 1000);
  db.close();
  return { onePerCommit: Math.round(onePerCommit), batched: Math.round(batched) };
}
