import { resolve } from 'node:path';
import { DEFAULT_LEASE_TIMEOUT_MS } from '@send/read-models';
import { isEmailAddress } from '@send/domain';
import { DEFAULT_MAX_BYTES } from '@send/event-store';
import { ImportLimits } from '../common/import-limits';
import { ConfigurationError } from './configuration.errors';
import { LoggingConfig, loggingConfig, MonitoringConfig, monitoringConfig } from './observability-config';
import { OidcClientConfig, oidcClientConfig, refuseOidcSettingsInLocalMode, UserMatch, userMatch } from './oidc-client-config';

/** How bearer tokens are checked: a key of our own, or an OpenID Connect issuer's published keys. */
export type AuthConfig =
  | { mode: 'local'; keyFile: string; issuer: string; audience: string }
  | {
      mode: 'oidc';
      issuer: string;
      audience: string;
      jwksUrl: string;
      userClaim: string;
      /** Whether the claim's value is a user id or a registered e-mail address (AUTH_USER_MATCH). */
      userMatch?: UserMatch;
      /** Sign-in from the dashboard (authorisation code with PKCE); absent, people paste a token. */
      client?: OidcClientConfig;
    };

/** Where mail goes: an SMTP server, or (the embedded default) .eml files in a folder. */
export type MailTransportConfig =
  | { type: 'smtp'; url?: string; host?: string; port?: number; secure?: boolean; user?: string; pass?: string }
  | { type: 'folder'; dir: string };

/** Mailing the history's chain head to the DfE adviser and board chair; the mail goes by the reminders' settings. */
export interface ChainHeadMailsConfig {
  /** Whether this instance checks on a timer what heads are due; `npm run send-chain-heads` sends either way. */
  scheduler: boolean;
  intervalMs: number;
}

export interface RemindersConfig {
  /** Whether this instance checks on its own what is due; the CLI sends either way. */
  scheduler: boolean;
  intervalMs: number;
  /** Days before a round's deadline that owners still missing updates are reminded. */
  leadDays: number;
  /** ISO weekday the programme office's digest goes out (1 Monday … 7 Sunday), or the first check after it that week. */
  digestWeekday: number;
  /** Digest recipients; when empty, the plan administrators of the plan's area with an address. */
  digestTo: string[];
  from: string;
  /** Where links in mails point: the dashboard's origin. */
  publicUrl: string;
  transport: MailTransportConfig;
}

/** Sign-in links by e-mail (AUTH_MODE=local only): how long they and the sessions they open last, and how often one may ask. */
export interface SignInLinkConfig {
  linkMinutes: number;
  sessionHours: number;
  /** Links asked for one address per hour, counted in each instance; past it TOO_MANY_REQUESTS. */
  perAddressPerHour: number;
  /** Link requests, and refused codes, from one client address per hour, counted in each instance. */
  perClientPerHour: number;
}

/**
 * Fifteen minutes is long enough for a slow mail server, short enough that a link left in an
 * inbox is soon useless; ten hours is a working day. Three links an hour is a person who lost
 * two mails; thirty requests an hour from one address allows an office behind one gateway.
 */
export const DEFAULT_SIGN_IN_LINKS: SignInLinkConfig = { linkMinutes: 15, sessionHours: 10, perAddressPerHour: 3, perClientPerHour: 30 };

export const LOCAL_ISSUER = 'send-tracker-local';
export const DEFAULT_AUDIENCE = 'send-tracker';

export interface AppConfig {
  port: number;
  dataDir: string;
  eventStore: { type: 'sqlite'; filename: string; busyTimeoutMs?: number } | { type: 'esdb'; connectionString: string } | { type: 'postgres'; url: string };
  readDatabase: { type: 'sqlite'; filename: string } | { type: 'postgres'; url: string };
  /** How long the active projector may go unheard on PostgreSQL before another instance may take over. */
  projectorLeaseTimeoutMs?: number;
  /** Bytes of streams' folded state commands keep between them (absent: DEFAULT_MAX_BYTES; 0 turns it off). */
  commandCacheBytes?: number;
  auth: AuthConfig;
  /** Queries deeper or costlier than this are refused before they run. */
  limits: {
    maxQueryDepth: number;
    maxQueryCost: number;
    /** Root fields (aliases included) of one operation, and of one mutation operation. */
    maxRootFields: number;
    maxMutations: number;
    /** History reads (as-at, movement, reports, history checks) one person may make per window. */
    expensiveReads: { perUser: number; windowMs: number };
  };
  /** Uploaded evidence: where the content-addressed files live and the largest accepted upload. */
  evidenceFiles: { dir: string; maxBytes: number };
  /** Load the demo plan into an empty event store on start. */
  loadDemoPlan: boolean;
  production: boolean;
  /** Stack traces (with server paths) in GraphQL errors: only when a developer asks, never in production. */
  graphqlStackTraces?: boolean;
  /** Where to write the generated SDL; `undefined` keeps it in memory. */
  schemaFile?: string;
  /** The built dashboard (dashboard.js and .css); without it /dashboard/ says it is not built. */
  dashboardDir?: string;
  /** The built GraphiQL page (outside production only); without it /graphql in a browser says it is not built. */
  graphiqlDir?: string;
  /** Spreadsheet imports of a plan: the largest file taken. Absent means DEFAULT_PLAN_IMPORT_MAX_BYTES. */
  planImport?: { maxBytes: number };
  /** How far reading an imported spreadsheet or measurements CSV may go. Absent means DEFAULT_IMPORT_LIMITS. */
  importLimits?: ImportLimits;
  /**
   * Which proxies in front may say who the client is (X-Forwarded-For), as Express's "trust proxy":
   * a number of hops, or addresses and subnets. Absent, the header is ignored and the client is
   * the connection's address, so nobody can pick their own address to dodge a per-client limit.
   */
  trustProxy?: number | string;
  /** Sign-in links by e-mail, in AUTH_MODE=local; absent means DEFAULT_SIGN_IN_LINKS. They go by the reminders' mail settings. */
  signInLinks?: SignInLinkConfig;
  /** Reminder mails; absent, nothing is checked or sent on a timer (tests that do not test mail). */
  reminders?: RemindersConfig;
  /** Chain head mails; absent, nothing is checked or sent on a timer (tests that do not test them). */
  chainHeadMails?: ChainHeadMailsConfig;
  /** Only errors in the log, whatever `logging` says (tests, CLIs). */
  quiet?: boolean;
  /** LOG_LEVEL, LOG_FORMAT (see docs/monitoring.md); absent, info as JSON. */
  logging?: LoggingConfig;
  /** METRICS_TOKEN and the readiness bound; absent, the defaults. */
  monitoring?: MonitoringConfig;
  /** How often the running api verifies what was appended, and re-hashes the whole history; absent, DEFAULT_HISTORY_CHECKS. */
  historyChecks?: HistoryChecksConfig;
  /** What the "as at" views keep in memory (AS_AT_SNAPSHOTS, AS_AT_CACHED_VIEWS); absent, DEFAULT_AS_AT_CACHE. */
  asAtCache?: AsAtCacheConfig;
}

/** Counts, not bytes: see docs/performance.md for what entries cost at national scale. */
export interface AsAtCacheConfig {
  /** Snapshots of plans at month ends, every plan's together, that as-at views fold on from. */
  snapshots: number;
  /** Whole views already folded, keyed by plan, instant and the plan's own streams' tip. */
  views: number;
}

/** Each of twenty plans' newest month end and forty more, and the views a meeting's screens repeat; what an entry holds grows with its plan's timelines (docs/performance.md). */
export const DEFAULT_AS_AT_CACHE: AsAtCacheConfig = { snapshots: 60, views: 8 };

export interface HistoryChecksConfig {
  /** Between checks of the events appended since the last one (HISTORY_CHECK_SECONDS). */
  intervalMs: number;
  /** Between re-hashes of the whole history, which find an edit to an event already verified (HISTORY_FULL_CHECK_MINUTES). */
  fullIntervalMs: number;
}

/** A few seconds: a break is noticed before anyone writes much over it; an hour: an old event edited in place is found the same morning. */
export const DEFAULT_HISTORY_CHECKS: HistoryChecksConfig = { intervalMs: 5_000, fullIntervalMs: 60 * 60_000 };

// Re-exported: callers have long imported it from here; the sub-configs import it directly, which keeps them out of a cycle.
export { ConfigurationError };

/** 5 MB holds a plan of thousands of actions with long commentary; anything larger is not a plan. */
export const DEFAULT_PLAN_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * A real plan is a few hundred actions, at most a few thousand rows of a dozen or two columns
 * (about 1 MB unpacked); these are several times that, and small enough that a hostile file is
 * refused within a second or two and a few hundred MB on the reading thread.
 */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxRows: 5000,
  maxColumns: 100,
  maxCells: 200_000,
  maxInflatedBytes: 32 * 1024 * 1024,
  maxParseMs: 10_000,
};

/** A plan import's limits: the largest upload, and how far reading it may go. */
export function planImportLimits(config: Pick<AppConfig, 'planImport' | 'importLimits'>): ImportLimits & { maxBytes: number } {
  return { ...(config.importLimits ?? DEFAULT_IMPORT_LIMITS), maxBytes: config.planImport?.maxBytes ?? DEFAULT_PLAN_IMPORT_MAX_BYTES };
}

/**
 * Depth 8 fits the deepest query the product needs (a plan's page of actions with each
 * timeline's field changes is 7); cost 25,000 fits a page of 100 actions with milestones and
 * evidence, not every plan's timelines at once, and two history checks, not three (see
 * hardening/history-complexity.ts). The dashboard asks for at most a few root fields and one
 * mutation per request; 60 history reads a minute is a board member clicking through meetings
 * as fast as the pages load.
 */
export const DEFAULT_LIMITS: AppConfig['limits'] = {
  maxQueryDepth: 8,
  maxQueryCost: 25_000,
  maxRootFields: 20,
  maxMutations: 5,
  expensiveReads: { perUser: 60, windowMs: 60_000 },
};

/** 20 MB: a board paper with charts; the read model stores sizes as 32-bit integers. */
export const DEFAULT_EVIDENCE_FILE_MAX_BYTES = 20 * 1024 * 1024;
const MAX_EVIDENCE_FILE_MAX_BYTES = 2_147_483_647;

const MB = 1024 * 1024;

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, minimum = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) throw new ConfigurationError(`${name} must be a whole number of at least ${minimum}, got "${raw}"`);
  return value;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export function remindersConfig(env: NodeJS.ProcessEnv, dataDir: string, port: number): RemindersConfig {
  const switchedOn = env.REMINDERS ?? 'on';
  if (switchedOn !== 'on' && switchedOn !== 'off') throw new ConfigurationError(`REMINDERS must be "on" or "off", got "${switchedOn}"`);
  const leadDays = wholeNumber(env, 'REMINDER_LEAD_DAYS', 2);
  const digestDay = (env.REMINDER_DIGEST_DAY ?? 'monday').toLowerCase();
  if (!WEEKDAYS.includes(digestDay)) throw new ConfigurationError(`REMINDER_DIGEST_DAY must be a day of the week (monday … sunday), got "${env.REMINDER_DIGEST_DAY}"`);
  const digestTo = (env.REMINDER_DIGEST_TO ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  const badAddress = digestTo.find((a) => !isEmailAddress(a));
  if (badAddress !== undefined) throw new ConfigurationError(`REMINDER_DIGEST_TO must be email addresses separated by commas, got "${badAddress}"`);
  let transport: MailTransportConfig;
  if (env.SMTP_URL) {
    if (!/^smtps?:\/\//.test(env.SMTP_URL)) throw new ConfigurationError('SMTP_URL must start with smtp:// or smtps://, e.g. smtp://user:pass@mail.council.example:587');
    transport = { type: 'smtp', url: env.SMTP_URL };
  } else if (env.SMTP_HOST) {
    const secure = (env.SMTP_SECURE ?? 'false') === 'true';
    if (!['true', 'false'].includes(env.SMTP_SECURE ?? 'false')) throw new ConfigurationError(`SMTP_SECURE must be "true" or "false", got "${env.SMTP_SECURE}"`);
    const port = wholeNumber(env, 'SMTP_PORT', secure ? 465 : 587);
    transport = { type: 'smtp', host: env.SMTP_HOST, port, secure, user: env.SMTP_USER || undefined, pass: env.SMTP_PASS || undefined };
  } else {
    transport = { type: 'folder', dir: resolve(env.MAIL_OUTBOX_DIR ?? resolve(dataDir, 'outbox')) };
  }
  return {
    scheduler: switchedOn === 'on',
    intervalMs: wholeNumber(env, 'REMINDERS_INTERVAL_SECONDS', 300) * 1000,
    leadDays,
    digestWeekday: WEEKDAYS.indexOf(digestDay) + 1,
    digestTo,
    from: env.MAIL_FROM ?? 'SEND Improvement Plan tracker <no-reply@localhost>',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    transport,
  };
}

export function chainHeadMailsConfig(env: NodeJS.ProcessEnv): ChainHeadMailsConfig {
  const switchedOn = env.HISTORY_HEAD_MAILS ?? 'on';
  if (switchedOn !== 'on' && switchedOn !== 'off') throw new ConfigurationError(`HISTORY_HEAD_MAILS must be "on" or "off", got "${switchedOn}"`);
  return { scheduler: switchedOn === 'on', intervalMs: wholeNumber(env, 'HISTORY_HEAD_MAIL_CHECK_SECONDS', 60, 1) * 1000 };
}

function boundedNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, maximum: number): number {
  const value = wholeNumber(env, name, fallback);
  if (value > maximum) throw new ConfigurationError(`${name} must be at most ${maximum}, got "${env[name]}"`);
  return value;
}

export function signInLinksConfig(env: NodeJS.ProcessEnv): SignInLinkConfig {
  return {
    linkMinutes: boundedNumber(env, 'SIGN_IN_LINK_MINUTES', DEFAULT_SIGN_IN_LINKS.linkMinutes, 60),
    sessionHours: boundedNumber(env, 'SIGN_IN_SESSION_HOURS', DEFAULT_SIGN_IN_LINKS.sessionHours, 24),
    perAddressPerHour: wholeNumber(env, 'SIGN_IN_LINKS_PER_ADDRESS', DEFAULT_SIGN_IN_LINKS.perAddressPerHour),
    perClientPerHour: wholeNumber(env, 'SIGN_IN_REQUESTS_PER_CLIENT', DEFAULT_SIGN_IN_LINKS.perClientPerHour),
  };
}

export function trustProxyConfig(env: NodeJS.ProcessEnv): number | string | undefined {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === 'false') return undefined;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (raw === 'true') {
    throw new ConfigurationError('TRUST_PROXY=true would let any client name its own address; give the number of proxies in front (e.g. 1) or their addresses (e.g. loopback, 10.0.0.0/8)');
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !/^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/.test(entry));
  if (bad !== undefined) throw new ConfigurationError(`TRUST_PROXY must be a number of proxies or addresses and subnets separated by commas, got "${bad}"`);
  return entries.join(',');
}

/** Reads the environment once at start; a wrong setting stops the app with a readable message. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty DATA_DIR (e.g. `DATA_DIR=` in an env file) means unset, not the current directory.
  const dataDir = resolve(env.DATA_DIR || './data');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigurationError(`PORT must be a port number, got "${env.PORT}"`);
  }

  const eventStoreType = env.EVENT_STORE ?? 'sqlite';
  let eventStore: AppConfig['eventStore'];
  if (eventStoreType === 'sqlite') {
    eventStore = {
      type: 'sqlite',
      filename: env.EVENT_STORE_SQLITE_FILE ?? resolve(dataDir, 'events.sqlite'),
      busyTimeoutMs: wholeNumber(env, 'EVENT_STORE_BUSY_TIMEOUT_MS', 5000),
    };
  } else if (eventStoreType === 'esdb') {
    if (!env.EVENTSTORE_CONNECTION_STRING) {
      throw new ConfigurationError('EVENT_STORE=esdb needs EVENTSTORE_CONNECTION_STRING, e.g. kurrentdb://localhost:2113?tls=false');
    }
    eventStore = { type: 'esdb', connectionString: env.EVENTSTORE_CONNECTION_STRING };
  } else if (eventStoreType === 'postgres') {
    // One connection setting for both when they share a database: the events keep a schema of their own.
    const url = env.EVENT_STORE_URL || ((env.READ_DATABASE ?? 'sqlite') === 'postgres' ? env.READ_DATABASE_URL : undefined);
    if (!url) {
      throw new ConfigurationError('EVENT_STORE=postgres needs EVENT_STORE_URL (or READ_DATABASE=postgres with READ_DATABASE_URL, to share one database), e.g. postgres://user:pass@localhost:5432/send_tracker');
    }
    if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigurationError('EVENT_STORE_URL must start with postgres:// or postgresql://');
    eventStore = { type: 'postgres', url };
  } else {
    throw new ConfigurationError(`EVENT_STORE must be "sqlite", "postgres" or "esdb", got "${eventStoreType}"`);
  }

  const readType = env.READ_DATABASE ?? 'sqlite';
  let readDatabase: AppConfig['readDatabase'];
  if (readType === 'sqlite') {
    readDatabase = { type: 'sqlite', filename: env.READ_DATABASE_SQLITE_FILE ?? resolve(dataDir, 'read-models.sqlite') };
  } else if (readType === 'postgres') {
    if (!env.READ_DATABASE_URL) {
      throw new ConfigurationError('READ_DATABASE=postgres needs READ_DATABASE_URL, e.g. postgres://user:pass@localhost:5432/send_tracker');
    }
    readDatabase = { type: 'postgres', url: env.READ_DATABASE_URL };
  } else {
    throw new ConfigurationError(`READ_DATABASE must be "sqlite" or "postgres", got "${readType}"`);
  }

  const authMode = env.AUTH_MODE ?? 'local';
  let auth: AuthConfig;
  if (authMode === 'local') {
    refuseOidcSettingsInLocalMode(env);
    auth = {
      mode: 'local',
      keyFile: env.AUTH_LOCAL_KEY_FILE ?? resolve(dataDir, 'auth', 'local-signing-key.json'),
      issuer: env.AUTH_ISSUER ?? LOCAL_ISSUER,
      audience: env.AUTH_AUDIENCE ?? DEFAULT_AUDIENCE,
    };
  } else if (authMode === 'oidc') {
    const missing = ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL'].filter((name) => !env[name]);
    if (missing.length > 0) throw new ConfigurationError(`AUTH_MODE=oidc needs ${missing.join(', ')}`);
    auth = {
      mode: 'oidc',
      issuer: env.AUTH_ISSUER!,
      audience: env.AUTH_AUDIENCE!,
      jwksUrl: env.AUTH_JWKS_URL!,
      userClaim: env.AUTH_USER_CLAIM || 'sub',
      userMatch: userMatch(env),
      client: oidcClientConfig(env, env.AUTH_ISSUER!, env.NODE_ENV === 'production'),
    };
  } else {
    throw new ConfigurationError(`AUTH_MODE must be "local" or "oidc", got "${authMode}"`);
  }

  const limits = {
    maxQueryDepth: wholeNumber(env, 'GRAPHQL_MAX_DEPTH', DEFAULT_LIMITS.maxQueryDepth),
    maxQueryCost: wholeNumber(env, 'GRAPHQL_MAX_COST', DEFAULT_LIMITS.maxQueryCost),
    maxRootFields: wholeNumber(env, 'GRAPHQL_MAX_ROOT_FIELDS', DEFAULT_LIMITS.maxRootFields),
    maxMutations: wholeNumber(env, 'GRAPHQL_MAX_MUTATIONS', DEFAULT_LIMITS.maxMutations),
    expensiveReads: {
      perUser: wholeNumber(env, 'EXPENSIVE_READS_PER_USER', DEFAULT_LIMITS.expensiveReads.perUser),
      windowMs: wholeNumber(env, 'EXPENSIVE_READS_WINDOW_SECONDS', DEFAULT_LIMITS.expensiveReads.windowMs / 1000) * 1000,
    },
  };

  const evidenceFiles = {
    dir: resolve(env.EVIDENCE_FILES_DIR || resolve(dataDir, 'evidence-files')),
    maxBytes: wholeNumber(env, 'EVIDENCE_FILE_MAX_BYTES', DEFAULT_EVIDENCE_FILE_MAX_BYTES),
  };
  if (evidenceFiles.maxBytes > MAX_EVIDENCE_FILE_MAX_BYTES) {
    throw new ConfigurationError(`EVIDENCE_FILE_MAX_BYTES must be at most ${MAX_EVIDENCE_FILE_MAX_BYTES}, got "${env.EVIDENCE_FILE_MAX_BYTES}"`);
  }

  const stackTraces = env.GRAPHQL_STACK_TRACES ?? 'false';
  if (stackTraces !== 'true' && stackTraces !== 'false') throw new ConfigurationError(`GRAPHQL_STACK_TRACES must be "true" or "false", got "${stackTraces}"`);
  if (stackTraces === 'true' && env.NODE_ENV === 'production') throw new ConfigurationError('GRAPHQL_STACK_TRACES=true is for development; it cannot be combined with NODE_ENV=production');

  // A fictitious plan written into a production history would stay there for good (the history
  // is append-only and hash-chained), so production loads it only when someone asks by name.
  const production = env.NODE_ENV === 'production';
  const demo = env.DEMO_PLAN || (production ? 'skip' : 'load');
  if (demo !== 'load' && demo !== 'skip') throw new ConfigurationError(`DEMO_PLAN must be "load" or "skip", got "${demo}"`);

  return {
    port,
    dataDir,
    eventStore,
    readDatabase,
    projectorLeaseTimeoutMs: wholeNumber(env, 'PROJECTOR_LEASE_TIMEOUT_MS', DEFAULT_LEASE_TIMEOUT_MS),
    commandCacheBytes: wholeNumber(env, 'COMMAND_CACHE_MB', DEFAULT_MAX_BYTES / MB, 0) * MB,
    auth,
    limits,
    evidenceFiles,
    loadDemoPlan: demo === 'load',
    production,
    graphqlStackTraces: stackTraces === 'true',
    planImport: { maxBytes: wholeNumber(env, 'PLAN_IMPORT_MAX_BYTES', DEFAULT_PLAN_IMPORT_MAX_BYTES) },
    importLimits: {
      maxRows: wholeNumber(env, 'IMPORT_MAX_ROWS', DEFAULT_IMPORT_LIMITS.maxRows),
      maxColumns: wholeNumber(env, 'IMPORT_MAX_COLUMNS', DEFAULT_IMPORT_LIMITS.maxColumns),
      maxCells: wholeNumber(env, 'IMPORT_MAX_CELLS', DEFAULT_IMPORT_LIMITS.maxCells),
      maxInflatedBytes: wholeNumber(env, 'IMPORT_MAX_INFLATED_BYTES', DEFAULT_IMPORT_LIMITS.maxInflatedBytes),
      maxParseMs: wholeNumber(env, 'IMPORT_MAX_SECONDS', DEFAULT_IMPORT_LIMITS.maxParseMs / 1000) * 1000,
    },
    reminders: remindersConfig(env, dataDir, port),
    chainHeadMails: chainHeadMailsConfig(env),
    logging: loggingConfig(env),
    monitoring: monitoringConfig(env),
    historyChecks: {
      intervalMs: wholeNumber(env, 'HISTORY_CHECK_SECONDS', DEFAULT_HISTORY_CHECKS.intervalMs / 1000, 1) * 1000,
      fullIntervalMs: wholeNumber(env, 'HISTORY_FULL_CHECK_MINUTES', DEFAULT_HISTORY_CHECKS.fullIntervalMs / 60_000, 1) * 60_000,
    },
    asAtCache: {
      snapshots: wholeNumber(env, 'AS_AT_SNAPSHOTS', DEFAULT_AS_AT_CACHE.snapshots),
      views: wholeNumber(env, 'AS_AT_CACHED_VIEWS', DEFAULT_AS_AT_CACHE.views),
    },
    signInLinks: signInLinksConfig(env),
    trustProxy: trustProxyConfig(env),
    schemaFile: env.GRAPHQL_SCHEMA_FILE || undefined,
    // `npm run build` writes the bundle to dist/dashboard; compiled, this file is in dist/apps/api/src/config.
    dashboardDir: env.DASHBOARD_DIR ? resolve(env.DASHBOARD_DIR) : resolve(__dirname, '../../../../dashboard'),
    graphiqlDir: resolve(__dirname, '../../../../graphiql'),
  };
}
