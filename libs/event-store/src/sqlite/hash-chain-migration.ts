import Database from 'better-sqlite3';
import { eventHashOf, GENESIS_HASH, nextGlobalHash } from '../chain/event-hash';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from '../event-row';

export const APPEND_ONLY_UPDATE_TRIGGER = `CREATE TRIGGER IF NOT EXISTS events_are_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;`;


const PAGE = 5000;

/**
 * Gives a store file written before events were hash-chained its chains, once: adds the columns
 * and computes both chains over the existing events in position order. The append-only trigger
 * refuses every UPDATE, so it is dropped and recreated inside the same transaction: no other
 * connection ever sees the table without it, and if anything fails the file is left exactly as
 * it was. Returns how many events it chained (0 when the file already had chains).
 */
export function addHashChain(db: Database.Database): number {
  const chained = () => db.prepare("SELECT 1 FROM pragma_table_info('events') WHERE name = 'hash'").get() !== undefined;
  if (chained()) return 0;
  const migrate = db.transaction((): number => {
    // Another process may have migrated the file while this one waited for the write lock.
    if (chained()) return 0;
    db.exec(`
      ALTER TABLE events ADD COLUMN hash BLOB;
      ALTER TABLE events ADD COLUMN previous_hash BLOB;
      ALTER TABLE events ADD COLUMN global_hash BLOB;
      ALTER TABLE streams ADD COLUMN hash BLOB;
      DROP TRIGGER IF EXISTS events_are_append_only_update;
    `);
    const page = db.prepare<[number, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`);
    const setHashes = db.prepare('UPDATE events SET hash = ?, previous_hash = ?, global_hash = ? WHERE position = ?');
    const setStreamHash = db.prepare('UPDATE streams SET hash = ? WHERE stream_id = ?');
    const streamHeads = new Map<string, string>();
    let globalHash = GENESIS_HASH;
    let after = 0;
    let count = 0;
    for (let rows = page.all(after, PAGE); rows.length > 0; rows = page.all(after, PAGE)) {
      for (const row of rows) {
        const previousHash = streamHeads.get(row.stream_id) ?? GENESIS_HASH;
        const hash = eventHashOf(toRecordedEvent(row), previousHash);
        globalHash = nextGlobalHash(globalHash, hash);
        setHashes.run(Buffer.from(hash, 'hex'), Buffer.from(previousHash, 'hex'), Buffer.from(globalHash, 'hex'), row.position);
        streamHeads.set(row.stream_id, hash);
        after = Number(row.position);
        count += 1;
      }
    }
    for (const [streamId, hash] of streamHeads) setStreamHash.run(Buffer.from(hash, 'hex'), streamId);
    db.exec(APPEND_ONLY_UPDATE_TRIGGER);
    return count;
  });
  return migrate.immediate();
}
