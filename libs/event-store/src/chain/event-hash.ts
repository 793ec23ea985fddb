import { createHash } from 'node:crypto';
import { RecordedEvent } from '../event-store.port';
import { canonicalJson } from './canonical-json';

/** The "previous hash" of a stream's first event and the global chain's value before any event. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an event's hash covers: everything stored about it except its position, which the global chain covers. */
export type HashedEvent = Pick<RecordedEvent, 'streamId' | 'revision' | 'id' | 'type' | 'data' | 'metadata' | 'recordedAt'>;

/**
 * SHA-256 (hex) over the event's content and the hash of the event before it in its stream, as
 * canonical JSON: changing any stored byte of the event, or the event it follows, changes it.
 */
export function eventHashOf(event: HashedEvent, previousHash: string): string {
  const content = canonicalJson({
    streamId: event.streamId,
    revision: Number(event.revision),
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
    previousHash,
  });
  return createHash('sha256').update(content).digest('hex');
}

/** global_n = SHA-256(global_{n-1} || eventHash_n), over the raw 32-byte digests. */
export function nextGlobalHash(previousGlobalHash: string, eventHash: string): string {
  return createHash('sha256').update(Buffer.from(previousGlobalHash, 'hex')).update(Buffer.from(eventHash, 'hex')).digest('hex');
}
