import { PoolClient } from 'pg';
import { GENESIS_HASH } from '../chain/event-hash';

/** The log's newest position, its count and the global chain there. */
export interface LogHead {
  position: bigint;
  events: bigint;
  globalHash: string;
}

/** A stream's newest revision and its event hash; revision -1 and the genesis hash before its first event. */
export interface StreamTip {
  revision: bigint;
  hash: string;
}

/** One row of `send_events.event_log`, hashes as hex, in column order. */
export type EventLogRow = [position: string, eventId: string, streamId: string, revision: string, type: string, data: string, metadata: string, recordedAt: string, hash: string, previousHash: string, globalHash: string];

/**
 * Locks the head row for the rest of the transaction: every writer takes it first, so positions
 * and the global chain are handed out one writer at a time (see PostgresEventStore).
 */
export async function lockLogHead(client: PoolClient): Promise<LogHead> {
  const row = (await client.query<{ position: string; events: string; global_hash: string }>(
    "SELECT position, events, encode(global_hash, 'hex') AS global_hash FROM send_events.event_log_head WHERE id = 1 FOR UPDATE",
  )).rows[0];
  return { position: BigInt(row.position), events: BigInt(row.events), globalHash: row.global_hash };
}

export async function saveLogHead(client: PoolClient, head: LogHead): Promise<void> {
  await client.query("UPDATE send_events.event_log_head SET position = $1, events = $2, global_hash = decode($3, 'hex') WHERE id = 1", [
    String(head.position),
    String(head.events),
    head.globalHash,
  ]);
}

export async function readStreamTip(client: PoolClient, streamId: string): Promise<StreamTip | undefined> {
  const row = (await client.query<{ revision: string; hash: string }>("SELECT revision, encode(hash, 'hex') AS hash FROM send_events.event_streams WHERE stream_id = $1", [streamId])).rows[0];
  return row ? { revision: BigInt(row.revision), hash: row.hash } : undefined;
}

/** The tip of a stream not yet written. */
export const NO_STREAM_TIP: StreamTip = { revision: -1n, hash: GENESIS_HASH };

export async function saveStreamTip(client: PoolClient, streamId: string, tip: StreamTip): Promise<void> {
  await client.query(
    "INSERT INTO send_events.event_streams (stream_id, revision, hash) VALUES ($1, $2, decode($3, 'hex')) ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, hash = excluded.hash",
    [streamId, String(tip.revision), tip.hash],
  );
}

/** One statement for all the rows: a round trip per append, not per event. */
export async function insertEventRows(client: PoolClient, rows: EventLogRow[]): Promise<void> {
  const values = rows.map((_, i) => {
    const n = (k: number) => `$${i * 11 + k}`;
    return `(${n(1)}, ${n(2)}, ${n(3)}, ${n(4)}, ${n(5)}, ${n(6)}, ${n(7)}, ${n(8)}, decode(${n(9)}, 'hex'), decode(${n(10)}, 'hex'), decode(${n(11)}, 'hex'))`;
  });
  await client.query(
    `INSERT INTO send_events.event_log (position, event_id, stream_id, stream_revision, type, data, metadata, recorded_at, hash, previous_hash, global_hash) VALUES ${values.join(', ')}`,
    rows.flat(),
  );
}
