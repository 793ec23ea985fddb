import { Client } from 'pg';
import { PostgresEventStore } from '@send/event-store';
import { ownPeerStore } from './own-peer-store';
import { PeerStore } from './peer-store';

/**
 * Our PostgresEventStore under the peers' workload, in a database of its own on the benchmark's
 * durable cluster (the one Emmett PostgreSQL runs on), so neither store's tables slow the other.
 */
export async function openOwnPostgres(clusterUrl: string): Promise<PeerStore> {
  const url = new URL(clusterUrl);
  const database = `send_peer_${Date.now()}`;
  const admin = new Client({ connectionString: clusterUrl });
  await admin.connect();
  let durability: string;
  try {
    await admin.query(`CREATE DATABASE ${database}`);
    const settings = (await admin.query<{ fsync: string; synchronous_commit: string; full_page_writes: string }>(
      "SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit, current_setting('full_page_writes') AS full_page_writes",
    )).rows[0];
    durability = `fsync=${settings.fsync}, synchronous_commit=${settings.synchronous_commit}, full_page_writes=${settings.full_page_writes}`;
  } finally {
    await admin.end();
  }
  url.pathname = `/${database}`;
  const store = await PostgresEventStore.open({ connectionString: url.toString() });
  return ownPeerStore('our PostgresEventStore', durability, store);
}
