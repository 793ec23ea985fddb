import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@send/domain';
import { RecordedEvent, ownerIdFor, UpcastingEventStore } from '@send/event-store';
import { loadOrCreateLocalSigningKey, mintLocalToken } from '../../apps/api/src/auth/local-signing-key';
import { PlanCommandService } from '../../apps/api/src/commands/plan-command.service';
import { ProjectionService } from '../../apps/api/src/infrastructure/projection.service';
import { createApp } from '../../apps/api/src/app.factory';
import { AppConfig, DEFAULT_EVIDENCE_FILE_MAX_BYTES, DEFAULT_LIMITS } from '../../apps/api/src/config/app-config';
import { LoggingConfig, MonitoringConfig } from '../../apps/api/src/config/observability-config';
import { EVENT_STORE } from '../../apps/api/src/infrastructure/event-store.provider';
import { AppErrorWatch } from './app-errors';
import { FixedClock } from './fixed-clock';
import { createFreshDatabase, FreshDatabase, testPostgresUrl } from './test-postgres';

export type ReadDatabaseKind = 'sqlite' | 'postgres';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any> }[];
  /** The answer's own extensions (e.g. `history` while the history is broken); absent when it has none. */
  extensions?: Record<string, any>;
}

export interface TestUser {
  userId: string;
  displayName?: string;
  /** The action owner they act as: name and organisation, as in the actions' owner field. */
  owner?: { name: string; organisation: string };
  roles: Role[];
  areas: string[];
  /** Where their reminders go. */
  email?: string;
}

type Gql = <T = any>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;

/**
 * The user every suite acts as unless it says otherwise: programme office, board chair and the
 * owner "Alex Morgan" of the Council, in the test areas.
 */
export const TESTER = 'tester';

export interface TestApp {
  url: string;
  clock: FixedClock;
  config: AppConfig;
  app: INestApplication;
  /** POSTs a GraphQL operation over HTTP as the tester, as any client would. */
  gql: Gql;
  /** The same, signed in as another registered user. */
  as(userId: string): { gql: Gql };
  /** Sends an operation with exactly this Authorization header (or none). */
  gqlWithAuthorization(authorization: string | undefined, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
  token(userId: string, options?: { ttlSeconds?: number; audience?: string; issuer?: string }): Promise<string>;
  /** Registers a user and grants roles through the write side, as an operator would. */
  addUser(user: TestUser): Promise<void>;
  allEvents(): Promise<RecordedEvent[]>;
  store(): UpcastingEventStore;
  /** Stops the app; the data stays for a restart unless `discard` is set. */
  close(options?: { discard?: boolean }): Promise<void>;
  /** Declares an ERROR line this test provokes on purpose (any other fails the test); the returned function withdraws it. */
  expectErrors(pattern: RegExp): () => void;
}

export interface TestAppOptions {
  readDatabase?: ReadDatabaseKind;
  /** `postgres`: the events too, in the read models' database (so it implies `readDatabase: 'postgres'`). */
  eventStore?: 'sqlite' | 'postgres';
  loadDemoPlan?: boolean;
  now?: string;
  /** Local areas the tester holds roles in. */
  areas?: string[];
  /** Reuse the data of an earlier TestApp (to test restarts). */
  reuse?: { dataDir: string; postgres?: FreshDatabase };
  /** How tokens are checked; the default is a local signing key in the data directory. */
  auth?: AppConfig['auth'];
  /** Query depth, cost and root-field limits (the shipped defaults unless a test needs them lower), and the history-read allowance (generous unless given). */
  limits?: Partial<AppConfig['limits']>;
  /** How long a write waits for a lock another process holds on the SQLite event store. */
  eventStoreBusyTimeoutMs?: number;
  /** Run as NODE_ENV=production would: no GraphiQL, no introspection, no stack traces. */
  production?: boolean;
  /** GRAPHQL_STACK_TRACES=true: a developer asking for stack traces in errors. */
  graphqlStackTraces?: boolean;
  /** Where the built dashboard is, for the browser suites. */
  dashboardDir?: string;
  /** Where the built GraphiQL page is, for the GraphiQL suites. */
  graphiqlDir?: string;
  /** The largest evidence upload; the shipped default unless a test needs a smaller one. */
  evidenceFileMaxBytes?: number;
  /** Reminder mail settings; without them nothing is checked on a timer. */
  reminders?: AppConfig['reminders'];
  /** The app's log at this level into this destination, instead of only errors on standard output. */
  logging?: LoggingConfig;
  /** METRICS_TOKEN and the readiness bound. */
  monitoring?: MonitoringConfig;
  /** Sign-in link lifetimes and limits; the shipped defaults unless given. */
  signInLinks?: AppConfig['signInLinks'];
  /** TRUST_PROXY: which proxies may name the client (X-Forwarded-For). */
  trustProxy?: AppConfig['trustProxy'];
  /** ERROR lines this test provokes on purpose; any other fails the test (test/support/app-errors.ts). */
  expectedErrors?: RegExp[];
  /** How often the history is verified; the shipped defaults unless a test needs short intervals. */
  historyChecks?: AppConfig['historyChecks'];
}

export const DEFAULT_TEST_NOW = '2026-06-15T10:00:00.000Z';
export const TEST_AREA = 'test-area';

/** Starts the real app on a free loopback port with its own data directory (and PostgreSQL database). */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp & { dataDir: string; postgres?: FreshDatabase }> {
  const dataDir = options.reuse?.dataDir ?? mkdtempSync(join(tmpdir(), 'send-e2e-'));
  let postgres = options.reuse?.postgres;
  if ((options.readDatabase === 'postgres' || options.eventStore === 'postgres') && !postgres) {
    const base = testPostgresUrl();
    if (!base) throw new Error('PostgreSQL requested but TEST_POSTGRES_URL is not set');
    postgres = await createFreshDatabase(base);
  }
  const errorWatch = new AppErrorWatch(options.expectedErrors);
  const config: AppConfig = {
    port: 0,
    dataDir,
    eventStore:
      options.eventStore === 'postgres' ? { type: 'postgres', url: postgres!.url } : { type: 'sqlite', filename: join(dataDir, 'events.sqlite'), busyTimeoutMs: options.eventStoreBusyTimeoutMs },
    readDatabase: postgres ? { type: 'postgres', url: postgres.url } : { type: 'sqlite', filename: join(dataDir, 'read-models.sqlite') },
    auth: options.auth ?? {
      mode: 'local',
      keyFile: join(dataDir, 'auth', 'local-signing-key.json'),
      issuer: 'send-tracker-test',
      audience: 'send-tracker',
    },
    // Suites replay many as-at reads as one user within a minute; expensive-requests.e2e-spec tests the allowance.
    limits: { ...DEFAULT_LIMITS, expensiveReads: { perUser: 100_000, windowMs: 60_000 }, ...options.limits },
    evidenceFiles: { dir: join(dataDir, 'evidence-files'), maxBytes: options.evidenceFileMaxBytes ?? DEFAULT_EVIDENCE_FILE_MAX_BYTES },
    loadDemoPlan: options.loadDemoPlan ?? false,
    production: options.production ?? false,
    graphqlStackTraces: options.graphqlStackTraces,
    dashboardDir: options.dashboardDir,
    graphiqlDir: options.graphiqlDir,
    reminders: options.reminders,
    // Errors only unless a test reads the log; either way each line passes the unexpected-error watch.
    logging: { ...(options.logging ?? { level: 'error', format: 'json' }), destination: errorWatch.destination(options.logging?.destination) },
    monitoring: options.monitoring,
    signInLinks: options.signInLinks,
    trustProxy: options.trustProxy,
    historyChecks: options.historyChecks,
    quiet: !options.logging,
  };
  const clock = new FixedClock(options.now ?? DEFAULT_TEST_NOW);
  const app = await createApp(config, clock);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/graphql`;
  const store = () => app.get<UpcastingEventStore>(EVENT_STORE);
  const key = config.auth.mode === 'local' ? await loadOrCreateLocalSigningKey(config.auth.keyFile) : undefined;
  const token: TestApp['token'] = async (userId, o = {}) => {
    // With an OIDC issuer the app holds no private key; such suites sign their own tokens.
    if (!key) throw new Error('app.token() signs local tokens, but this app checks tokens from an OIDC issuer');
    return mintLocalToken(key, { userId, issuer: o.issuer ?? config.auth.issuer, audience: o.audience ?? config.auth.audience, ttlSeconds: o.ttlSeconds });
  };

  async function gqlWithAuthorization(authorization: string | undefined, query: string, variables?: Record<string, unknown>) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLResponse;
    return { status: response.status, data: body.data, errors: body.errors, ...(body.extensions ? { extensions: body.extensions } : {}) };
  }
  const as = (userId: string) => ({
    gql: async (query: string, variables?: Record<string, unknown>) =>
      gqlWithAuthorization(`Bearer ${await token(userId)}`, query, variables),
  });

  async function addUser(user: TestUser): Promise<void> {
    const ownerId = user.owner ? ownerIdFor(user.owner.name, user.owner.organisation) : null;
    const grants = user.areas.flatMap((localAreaId) => user.roles.map((role) => ({ role, localAreaId })));
    await app.get(PlanCommandService).ensureUser({ userId: user.userId, displayName: user.displayName ?? user.userId, ownerId, email: user.email }, grants, {
      principal: 'system',
    });
    await app.get(ProjectionService).caughtUpToHead();
  }

  await addUser({
    userId: TESTER,
    displayName: 'Alex Morgan',
    owner: { name: 'Alex Morgan', organisation: 'Council' },
    roles: ['PLAN_ADMINISTRATOR', 'BOARD_CHAIR', 'ACTION_OWNER'],
    areas: options.areas ?? [TEST_AREA],
  });

  return {
    url,
    clock,
    config,
    app,
    dataDir,
    postgres,
    store,
    gql: as(TESTER).gql,
    as,
    gqlWithAuthorization,
    token,
    addUser,
    allEvents: () => store().readAll({ withHashes: true }),
    expectErrors: (pattern) => errorWatch.expect(pattern),
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
