import { Provider } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { currentVersionOf } from '@send/domain';
import { openEsdbEventStore, SqliteEventStore, upcastOnRead, UpcastingEventStore } from '@send/event-store';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';

export const EVENT_STORE = Symbol('EVENT_STORE');

/** The store every part of the app and its tools reads through: events come back upcast to this build's versions (docs/architecture.md). */
export function createEventStore(config: AppConfig['eventStore']): UpcastingEventStore {
  if (config.type === 'esdb') return upcastOnRead(openEsdbEventStore(config.connectionString), currentVersionOf);
  mkdirSync(dirname(config.filename), { recursive: true });
  return upcastOnRead(new SqliteEventStore({ filename: config.filename, busyTimeoutMs: config.busyTimeoutMs }), currentVersionOf);
}

export const eventStoreProvider: Provider = {
  provide: EVENT_STORE,
  inject: [APP_CONFIG],
  // Its appends are timed by observability (AppendTiming), which watches this folder from above.
  useFactory: (config: AppConfig) => createEventStore(config.eventStore),
};
