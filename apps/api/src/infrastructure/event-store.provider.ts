import { Provider } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { EventStore, openEsdbEventStore, SqliteEventStore } from '@send/event-store';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { Metrics } from '../observability/metrics';
import { timeAppends } from '../observability/timed-appends';

export const EVENT_STORE = Symbol('EVENT_STORE');

export function createEventStore(config: AppConfig['eventStore']): EventStore {
  if (config.type === 'esdb') return openEsdbEventStore(config.connectionString);
  mkdirSync(dirname(config.filename), { recursive: true });
  return new SqliteEventStore({ filename: config.filename, busyTimeoutMs: config.busyTimeoutMs });
}

export const eventStoreProvider: Provider = {
  provide: EVENT_STORE,
  inject: [APP_CONFIG, Metrics],
  useFactory: (config: AppConfig, metrics: Metrics) => timeAppends(createEventStore(config.eventStore), metrics.appendDuration),
};
