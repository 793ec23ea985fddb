import { dumbo, single, sql } from '@event-driven-io/dumbo';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import { emmettPeerStore } from './emmett-peer-store';
import { PeerStore } from './peer-store';

interface Durability {
  fsync: string;
  synchronous_commit: string;
  full_page_writes: string;
}

/** Emmett's PostgreSQL event store with its default pooled connections, on the given database. */
export async function openEmmettPostgres(connectionString: string): Promise<PeerStore> {
  const reader = dumbo({ connectionString });
  const settings = await single(
    reader.execute.query<Durability>(
      sql("SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit, current_setting('full_page_writes') AS full_page_writes"),
    ),
  );
  const store = getPostgreSQLEventStore(connectionString);
  return emmettPeerStore({
    name: 'Emmett PostgreSQL',
    durability: `fsync=${settings.fsync}, synchronous_commit=${settings.synchronous_commit}, full_page_writes=${settings.full_page_writes}`,
    store,
    async readBatch(after, batchSize) {
      const { messages, currentGlobalPosition } = await readMessagesBatch(reader.execute, { after, batchSize });
      return { count: messages.length, last: currentGlobalPosition };
    },
    async close() {
      await store.close();
      await reader.close();
    },
  });
}
