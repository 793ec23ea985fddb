import { RecordedEvent } from '../event-store.port';

/** A row of the events table; the hash columns are null only in a file not yet migrated. */
export interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  stream_revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
  hash: Buffer | null;
  previous_hash: Buffer | null;
  global_hash: Buffer | null;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    revision: BigInt(row.stream_revision),
    position: BigInt(row.position),
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    recordedAt: row.recorded_at,
    hash: row.hash?.toString('hex'),
    previousHash: row.previous_hash?.toString('hex'),
    globalHash: row.global_hash?.toString('hex'),
  };
}
