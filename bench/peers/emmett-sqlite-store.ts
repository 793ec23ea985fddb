import { getSQLiteEventStore, isSQLiteError, readMessagesBatch, sqliteConnection } from '@event-driven-io/emmett-sqlite';
import { emmettPeerStore } from './emmett-peer-store';
import { PeerStore } from './peer-store';

const SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];
const SQLITE_BUSY = 5;
const NO_TRANSACTION = /cannot rollback - no transaction is active/;

/**
 * With Emmett 0.42.4 on node-sqlite3 5.1.7 some appends fail at COMMIT with "SQLITE_BUSY: cannot
 * commit transaction - SQL statements in progress" even with one writer (the append's
 * UPDATE … RETURNING runs through db.get, whose statement seems to be finalized only after the
 * COMMIT has started; a race, so it comes and goes with load), and
 * with several writers BEGIN IMMEDIATE waits out node-sqlite3's 1 s busy timeout, and Emmett's
 * ROLLBACK of the transaction that never began then fails with "cannot rollback - no transaction
 * is active", which replaces the SQLITE_BUSY. Either way nothing was written, so CommandHandler's
 * retry option (which re-reads the stream) is safe; every retry is counted in the notes.
 */
const RETRY_BUSY = { retries: 5, minTimeout: 1, maxTimeout: 50, factor: 2, shouldRetryError: (error: unknown) => isSQLiteError(error) && (error.errno === SQLITE_BUSY || NO_TRANSACTION.test(error.message)) };

/**
 * Emmett's SQLite event store (node-sqlite3) on a file, as Emmett opens it: a new connection for
 * every read and every append, each set to journal_mode=WAL and nothing else, so synchronous is
 * node-sqlite3's default, read here from a connection opened the same way.
 */
export async function openEmmettSqlite(fileName: string): Promise<PeerStore> {
  const reader = sqliteConnection({ fileName });
  const journal = await reader.querySingle<{ journal_mode: string }>('PRAGMA journal_mode');
  const synchronous = await reader.querySingle<{ synchronous: number }>('PRAGMA synchronous');
  const durability = `journal_mode=${journal?.journal_mode}, synchronous=${SYNCHRONOUS[synchronous?.synchronous ?? -1] ?? 'unknown'} (Emmett's default: it sets only WAL); a new connection per read and per append`;
  return emmettPeerStore({
    name: 'Emmett SQLite',
    durability,
    store: getSQLiteEventStore({ fileName }),
    retry: RETRY_BUSY,
    async readBatch(after, batchSize) {
      const { messages, currentGlobalPosition } = await readMessagesBatch(reader, { after, batchSize });
      return { count: messages.length, last: currentGlobalPosition };
    },
    close: async () => reader.close(),
  });
}
