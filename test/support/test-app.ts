import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, RecordedEvent } from '@send/event-store';
import { createApp } from '../../apps/api/src/app.factory';
import { AppConfig } from '../../apps/api/src/config/app-config';
import { EVENT_STORE } from '../../apps/api/src/infrastructure/event-store.provider';
import { FixedClock } from './fixed-clock';
import { createFreshDatabase, FreshDatabase, testPostgresUrl } from './test-postgres';

export type ReadDatabaseKind = 'sqlite' | 'postgres';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

export interface TestApp {
  url: string;
  clock: FixedClock;
  config: AppConfig;
  app: INestApplication;
  /** POSTs a GraphQL operation over HTTP, as any client would. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  allEvents(): Promise<RecordedEvent[]>;
  store(): EventStore;
  /** Stops the app; the data stays for a restart unless `discard` is set. */
  close(options?: { discard?: boolean }): Promise<void>;
}

export interface TestAppOptions {
  readDatabase?: ReadDatabaseKind;
  loadDemoPlan?: boolean;
  now?: string;
  /** Reuse the data of an earlier TestApp (to test restarts). */
  reuse?: { dataDir: string; postgres?: FreshDatabase };
}

export const DEFAULT_TEST_NOW = '2026-06-15T10:00:00.000Z';

/** Starts the real app on a free loopback port with its own data directory (and PostgreSQL database). */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp & { dataDir: string; postgres?: FreshDatabase }> {
  const dataDir = options.reuse?.dataDir ?? mkdtempSync(join(tmpdir(), 'send-e2e-'));
  let postgres = options.reuse?.postgres;
  if (options.readDatabase === 'postgres' && !postgres) {
    const base = testPostgresUrl();
    if (!base) throw new Error('PostgreSQL requested but TEST_POSTGRES_URL is not set');
    postgres = await createFreshDatabase(base);
  }
  const config: AppConfig = {
    port: 0,
    dataDir,
    eventStore: { type: 'sqlite', filename: join(dataDir, 'events.sqlite') },
    readDatabase: postgres ? { type: 'postgres', url: postgres.url } : { type: 'sqlite', filename: join(dataDir, 'read-models.sqlite') },
    loadDemoPlan: options.loadDemoPlan ?? false,
    production: false,
    quiet: true,
  };
  const clock = new FixedClock(options.now ?? DEFAULT_TEST_NOW);
  const app = await createApp(config, clock);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/graphql`;
  const store = () => app.get<EventStore>(EVENT_STORE);

  return {
    url,
    clock,
    config,
    app,
    dataDir,
    postgres,
    store,
    async gql(query, variables) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLResponse;
      return { status: response.status, data: body.data, errors: body.errors };
    },
    allEvents: () => store().readAll(),
    async close({ discard = true } = {}) {
      await app.close();
      if (discard) {
        await postgres?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Read database kinds to run a suite on: SQLite always, PostgreSQL when the run has one. */
export function readDatabaseKinds(): ReadDatabaseKind[] {
  if (testPostgresUrl()) return ['sqlite', 'postgres'];
  console.warn('PostgreSQL read-model e2e runs SKIPPED: no TEST_POSTGRES_URL and no PostgreSQL binaries.');
  return ['sqlite'];
}
