import { RecordedEvent } from './event-store.port';

/** What a RecordedEvent is read from, without the hash chain (the column names both SQL stores use). */
export const EVENT_COLUMNS = 'position, event_id, stream_id, stream_revision, type, data, metadata, recorded_at';

/**
 * The chain's hashes as lower-case hex, converted by SQLite: read as BLOBs, each would cost a
 * Buffer and a conversion in JavaScript, which doubled the cost of reading the log.
 * hex() of a missing hash (a file not yet migrated) is the empty string.
 */
export const HASH_COLUMNS = 'lower(hex(hash)) AS hash, lower(hex(previous_hash)) AS previous_hash, lower(hex(global_hash)) AS global_hash';

/** A row of the events table, with or without the chain's hashes (PostgreSQL gives its 64-bit integers as strings). */
export interface EventRow {
  position: number | string;
  event_id: string;
  stream_id: string;
  stream_revision: number | string;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
  hash?: string;
  previous_hash?: string;
  global_hash?: string;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  const recorded: RecordedEvent = {
    id: row.event_id,
    streamId: row.stream_id,
    revision: BigInt(row.stream_revision),
    position: BigInt(row.position),
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    recordedAt: row.recorded_at,
  };
  if (row.hash) recorded.hash = row.hash;
  if (row.previous_hash) recorded.previousHash = row.previous_hash;
  if (row.global_hash) recorded.globalHash = row.global_hash;
  return recorded;
}
