import { EventMetadata, NewEvent, RecordedEvent, StreamRevision } from '../event-store.port';
import { eventHashOf, GENESIS_HASH } from '../chain/event-hash';

/**
 * EventStoreDB never lets an event change, so the stream chain travels in each event's own
 * metadata under this key: the event's hash, its predecessor's, and the recorded time the hash
 * covers (the server's `created` is assigned after the hash has to be known). The global chain
 * is not stored here: positions are known only after the server commits, so `verify` recomputes
 * it over $all, and a report's head is recomputed the same way (chainHeadAt).
 */
export const CHAIN_METADATA_KEY = 'hashChain';

export interface StoredChain {
  hash: string;
  previousHash: string;
  recordedAt: string;
}

export interface StreamTip {
  revision: StreamRevision;
  hash: string;
}

/** The events to send, each carrying its link; hashed as the server will hand them back (parsed JSON). */
export function chainEvents(streamId: string, events: NewEvent[], tip: StreamTip | undefined, recordedAt: string): NewEvent[] {
  let previousHash = tip?.hash ?? GENESIS_HASH;
  let revision = tip === undefined ? -1n : tip.revision;
  return events.map((event) => {
    revision += 1n;
    const data = JSON.parse(JSON.stringify(event.data));
    const metadata = JSON.parse(JSON.stringify(event.metadata));
    const hash = eventHashOf({ streamId, revision, id: event.id, type: event.type, data, metadata, recordedAt }, previousHash);
    const chain: StoredChain = { hash, previousHash, recordedAt };
    previousHash = hash;
    return { id: event.id, type: event.type, data, metadata: { ...metadata, [CHAIN_METADATA_KEY]: chain } };
  });
}

/** Splits the link out of stored metadata; an event written before chains existed has none. */
export function unchain(metadata: Record<string, unknown>): { metadata: EventMetadata; chain: StoredChain | undefined } {
  const { [CHAIN_METADATA_KEY]: chain, ...rest } = metadata;
  return { metadata: rest as EventMetadata, chain: chain as StoredChain | undefined };
}

/**
 * The tip of a stream whose newest event predates chains: the hashes its events would have had,
 * computed as the SQLite migration computes them, so new events chain onto the old ones.
 */
export function tipOfUnchainedStream(events: RecordedEvent[]): StreamTip | undefined {
  let hash = GENESIS_HASH;
  for (const event of events) hash = event.hash ?? eventHashOf(event, hash);
  return events.length === 0 ? undefined : { revision: events[events.length - 1].revision, hash };
}
