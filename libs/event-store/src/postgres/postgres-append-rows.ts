import { NewEvent } from '../event-store.port';
import { eventHashOf, nextGlobalHash } from '../chain/event-hash';
import { EventLogRow, StreamTip } from './postgres-statements';

/** One append's rows, chained onto its stream's tip and the log's head, and where they leave both. */
export interface AppendRows {
  rows: EventLogRow[];
  tip: StreamTip;
  position: bigint;
  globalHash: string;
}

/**
 * Numbers and hashes an append's events after the stream's `tip` and the log's position and
 * global hash. Pure: both ways of appending (one statement on what this process last saw, or the
 * locked transaction) build their rows here. Throws a TypeError for data JSON cannot hold.
 */
export function appendRows(streamId: string, events: NewEvent[], tip: StreamTip, after: bigint, globalHash: string, recordedAt: string): AppendRows {
  let { revision, hash: previousHash } = tip;
  let position = after;
  const rows: EventLogRow[] = [];
  for (const event of events) {
    revision += 1n;
    position += 1n;
    // Hashed as parsed back from what is stored, so verify recomputes exactly this.
    const data = JSON.stringify(event.data);
    const metadata = JSON.stringify(event.metadata);
    const hash = eventHashOf({ id: event.id, streamId, revision, type: event.type, data: JSON.parse(data), metadata: JSON.parse(metadata), recordedAt }, previousHash);
    globalHash = nextGlobalHash(globalHash, hash);
    rows.push([String(position), event.id, streamId, String(revision), event.type, data, metadata, recordedAt, hash, previousHash, globalHash]);
    previousHash = hash;
  }
  return { rows, tip: { revision, hash: previousHash }, position, globalHash };
}
