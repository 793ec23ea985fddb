import { Provider } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { currentVersionOf, isStreamOf, STREAM_NAME_PREFIXES } from '@send/domain';
import { ChainIntegrity, EventStore, openEsdbEventStore, PostgresEventStore, SqliteEventStore, upcastOnRead, UpcastingEventStore, VerifyingEventStore } from '@send/event-store';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { Clock } from '../common/clock';

export const EVENT_STORE = Symbol('EVENT_STORE');
/** What this process knows of the history's integrity (ChainIntegrity): shared by the store and the continuous check. */
export const CHAIN_INTEGRITY = Symbol('CHAIN_INTEGRITY');

/**
 * The store every part of the app and its tools reads through: each event is checked against
 * its hash on the way out, and comes back upcast to this build's versions (docs/architecture.md).
 * A tool given no integrity gets its own: its reads are checked, and it writes as long as they hold.
 */
export async function createEventStore(config: AppConfig['eventStore'], integrity = new ChainIntegrity(), now: () => string = () => new Date().toISOString()): Promise<UpcastingEventStore> {
  let adapter: EventStore;
  if (config.type === 'esdb') adapter = openEsdbEventStore(config.connectionString, STREAM_NAME_PREFIXES);
  else if (config.type === 'postgres') adapter = await PostgresEventStore.open({ connectionString: config.url });
  else {
    mkdirSync(dirname(config.filename), { recursive: true });
    adapter = new SqliteEventStore({ filename: config.filename, busyTimeoutMs: config.busyTimeoutMs });
  }
  const verifying = new VerifyingEventStore(adapter, integrity, {
    acceptUnchainedHistory: config.type === 'esdb',
    // The break's own record, alert and acknowledgement are how writing gets going again.
    allowedWhileBroken: (streamId) => isStreamOf('historyBreak', streamId),
    now,
  });
  return upcastOnRead(verifying, currentVersionOf);
}

export const eventStoreProvider: Provider = {
  provide: EVENT_STORE,
  inject: [APP_CONFIG, CHAIN_INTEGRITY, Clock],
  // Its appends are timed by observability (AppendTiming), which watches this folder from above.
  useFactory: (config: AppConfig, integrity: ChainIntegrity, clock: Clock) => createEventStore(config.eventStore, integrity, () => clock.now()),
};
