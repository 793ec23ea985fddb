import { PoolClient } from 'pg';
import { APPENDED_CHANNEL } from './postgres-schema';
import { EventLogRow, LogHead, NO_STREAM_TIP, StreamTip } from './postgres-statements';

type Head = Pick<LogHead, 'position' | 'globalHash'>;

/** Appends whose rows were chained onto a head and tips this process believes current. */
export interface UnchangedAppends {
  /** The head the rows were chained onto, and where they leave it. */
  from: Head;
  to: Head;
  /** Each stream written once: the tip its rows follow (NO_STREAM_TIP for a new one), and its tip after them. */
  streams: { streamId: string; from: StreamTip; to: StreamTip }[];
  rows: EventLogRow[];
}

/** Written; or not, and the head and those streams' tips as the database had them. */
export type UnchangedOutcome = { applied: true } | { applied: false; head: Head; tips: Map<string, StreamTip> };

/**
 * The whole append as one statement in a transaction of its own: one round trip and one commit.
 * The head row's UPDATE is the same lock the locked path takes, held until this statement
 * commits, so positions still become visible in order. It writes only if the head is still the
 * one the rows were chained onto and every stream's tip is still the one it follows; otherwise
 * it writes nothing and answers what it found.
 *
 * Why reading the tips in the same statement is sound: under READ COMMITTED the tips are read in
 * the statement's snapshot, while the UPDATE waits for the head's lock and then rechecks the
 * newest head. Every writer moves the head forward, and the assumed head was committed before
 * this statement began (this process saw it), so a head unchanged under the lock means nothing
 * committed since the snapshot: the tips read there are the current ones.
 */
export async function appendIfUnchanged(client: PoolClient, appends: UnchangedAppends): Promise<UnchangedOutcome> {
  const { from, to, streams, rows } = appends;
  const column = (k: number) => rows.map((row) => row[k]);
  const result = await client.query<{ applied: boolean; head_position: string; head_global_hash: string; tips: { stream_id: string; revision: string; hash: string }[] | null }>({
    // Named, so each connection parses and plans it once.
    name: 'send-events-append-if-unchanged',
    text: `WITH assumed AS (
       SELECT * FROM unnest($5::text[], $6::bigint[], $7::text[], $8::bigint[], $9::text[]) AS a(stream_id, revision, hash, to_revision, to_hash)
     ), tips_hold AS (
       SELECT count(*) = cardinality($5::text[]) AS ok
       FROM assumed a LEFT JOIN send_events.event_streams s ON s.stream_id = a.stream_id
       WHERE (a.revision = -1 AND s.stream_id IS NULL) OR (s.revision = a.revision AND s.hash = decode(a.hash, 'hex'))
     ), head AS (
       UPDATE send_events.event_log_head SET position = $3::bigint, events = events + $10::bigint, global_hash = decode($4, 'hex')
       WHERE id = 1 AND position = $1::bigint AND global_hash = decode($2, 'hex') AND (SELECT ok FROM tips_hold)
       RETURNING position
     ), appended AS (
       INSERT INTO send_events.event_log (position, event_id, stream_id, stream_revision, type, data, metadata, recorded_at, hash, previous_hash, global_hash)
       SELECT r.position, r.event_id, r.stream_id, r.stream_revision, r.type, r.data, r.metadata, r.recorded_at, decode(r.hash, 'hex'), decode(r.previous_hash, 'hex'), decode(r.global_hash, 'hex')
       FROM unnest($11::bigint[], $12::text[], $13::text[], $14::bigint[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[])
         AS r(position, event_id, stream_id, stream_revision, type, data, metadata, recorded_at, hash, previous_hash, global_hash)
       WHERE EXISTS (SELECT 1 FROM head)
     ), tips AS (
       INSERT INTO send_events.event_streams (stream_id, revision, hash)
       SELECT stream_id, to_revision, decode(to_hash, 'hex') FROM assumed WHERE EXISTS (SELECT 1 FROM head)
       ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, hash = excluded.hash
     )
     SELECT EXISTS (SELECT 1 FROM head) AS applied,
       (SELECT pg_notify('${APPENDED_CHANNEL}', '') FROM head) AS notified,
       h.position AS head_position, encode(h.global_hash, 'hex') AS head_global_hash,
       (SELECT json_agg(json_build_object('stream_id', s.stream_id, 'revision', s.revision::text, 'hash', encode(s.hash, 'hex')))
          FROM send_events.event_streams s WHERE s.stream_id = ANY($5::text[])) AS tips
     FROM send_events.event_log_head h WHERE h.id = 1`,
    values: [
      String(from.position),
      from.globalHash,
      String(to.position),
      to.globalHash,
      streams.map((s) => s.streamId),
      streams.map((s) => String(s.from.revision)),
      streams.map((s) => s.from.hash),
      streams.map((s) => String(s.to.revision)),
      streams.map((s) => s.to.hash),
      String(rows.length),
      ...Array.from({ length: 11 }, (_, k) => column(k)),
    ],
  });
  const row = result.rows[0];
  if (row.applied) return { applied: true };
  // The statement's snapshot: a head and tips that belong together, to chain the next try onto.
  const tips = new Map<string, StreamTip>(streams.map((s) => [s.streamId, NO_STREAM_TIP]));
  for (const tip of row.tips ?? []) tips.set(tip.stream_id, { revision: BigInt(tip.revision), hash: tip.hash });
  return { applied: false, head: { position: BigInt(row.head_position), globalHash: row.head_global_hash }, tips };
}
