import { AppConfig } from '../config/app-config';

export type StoreProcedure = 'back up' | 'restore' | 'recover';

/**
 * Why backup, restore and recover refuse a store that is not the embedded SQLite file, and what to
 * use instead: the message names the store actually configured, so a council on PostgreSQL is not
 * sent to EventStoreDB's procedures.
 */
export function embeddedStoreOnly(store: Exclude<AppConfig['eventStore']['type'], 'sqlite'>, procedure: StoreProcedure): string {
  const instead =
    store === 'postgres'
      ? `${procedure} the PostgreSQL database with its own tools (pg_dump and pg_restore, or the provider's point-in-time recovery), then the evidence files and key: docs/operations.md, "Everything on PostgreSQL"`
      : `${procedure} EventStoreDB (KurrentDB) with its own procedure: docs/operations.md`;
  return `EVENT_STORE=${store}: ${instead}. This command works on the embedded SQLite store only`;
}
