import { DEFAULT_MAX_BYTES } from '@send/event-store';
import { resolve } from 'node:path';
import { ConfigurationError, loadAppConfig } from './app-config';

describe('loadAppConfig: COMMAND_CACHE_MB', () => {
  const env = (value?: string) => ({ DATA_DIR: '/tmp/send-config-spec', ...(value === undefined ? {} : { COMMAND_CACHE_MB: value }) });

  it('holds every action of 150 local areas by default (about 5 KB each)', () => {
    expect(loadAppConfig(env()).commandCacheBytes).toBe(DEFAULT_MAX_BYTES);
    expect(DEFAULT_MAX_BYTES).toBeGreaterThanOrEqual(150 * 120 * 5 * 1024);
  });

  it('takes whole megabytes, 0 included (no cache)', () => {
    expect(loadAppConfig(env('16')).commandCacheBytes).toBe(16 * 1024 * 1024);
    expect(loadAppConfig(env('0')).commandCacheBytes).toBe(0);
  });

  it.each(['-1', '2.5', 'lots'])('refuses %s, naming the variable', (value) => {
    expect(() => loadAppConfig(env(value))).toThrow(ConfigurationError);
    expect(() => loadAppConfig(env(value))).toThrow(`COMMAND_CACHE_MB must be a whole number of at least 0, got "${value}"`);
  });
});

describe('loadAppConfig: GRAPHQL_STACK_TRACES', () => {
  const env = (extra: Record<string, string>) => ({ DATA_DIR: '/tmp/send-config-spec', ...extra });

  it('keeps stack traces out of answers unless a developer asks', () => {
    expect(loadAppConfig(env({})).graphqlStackTraces).toBe(false);
    expect(loadAppConfig(env({ GRAPHQL_STACK_TRACES: 'true' })).graphqlStackTraces).toBe(true);
  });

  it('refuses them in production, and anything but true or false', () => {
    expect(() => loadAppConfig(env({ GRAPHQL_STACK_TRACES: 'true', NODE_ENV: 'production' }))).toThrow('GRAPHQL_STACK_TRACES=true is for development');
    expect(() => loadAppConfig(env({ GRAPHQL_STACK_TRACES: 'yes' }))).toThrow('GRAPHQL_STACK_TRACES must be "true" or "false", got "yes"');
  });
});

describe('loadAppConfig: request limits', () => {
  const env = (extra: Record<string, string> = {}) => ({ DATA_DIR: '/tmp/send-config-spec', ...extra });

  it('caps root fields, mutations and history reads per person by default', () => {
    expect(loadAppConfig(env()).limits).toMatchObject({ maxRootFields: 20, maxMutations: 5, expensiveReads: { perUser: 60, windowMs: 60_000 } });
  });

  it('takes each from its variable, the window in seconds', () => {
    const limits = loadAppConfig(env({ GRAPHQL_MAX_ROOT_FIELDS: '8', GRAPHQL_MAX_MUTATIONS: '2', EXPENSIVE_READS_PER_USER: '10', EXPENSIVE_READS_WINDOW_SECONDS: '300' })).limits;
    expect(limits).toMatchObject({ maxRootFields: 8, maxMutations: 2, expensiveReads: { perUser: 10, windowMs: 300_000 } });
  });

  it.each(['GRAPHQL_MAX_ROOT_FIELDS', 'GRAPHQL_MAX_MUTATIONS', 'EXPENSIVE_READS_PER_USER', 'EXPENSIVE_READS_WINDOW_SECONDS'])('refuses 0 for %s: a limit that lets nothing through is a mistake', (name) => {
    expect(() => loadAppConfig(env({ [name]: '0' }))).toThrow(`${name} must be a whole number of at least 1, got "0"`);
  });
});

describe('loadAppConfig: import limits', () => {
  const env = (extra: Record<string, string> = {}) => ({ DATA_DIR: '/tmp/send-config-spec', ...extra });

  it('bounds reading an imported file by default', () => {
    expect(loadAppConfig(env()).importLimits).toEqual({ maxRows: 5000, maxColumns: 100, maxCells: 200_000, maxInflatedBytes: 32 * 1024 * 1024, maxParseMs: 10_000 });
  });

  it('takes each from its variable, the time in seconds', () => {
    const limits = loadAppConfig(env({ IMPORT_MAX_ROWS: '800', IMPORT_MAX_COLUMNS: '30', IMPORT_MAX_CELLS: '9000', IMPORT_MAX_INFLATED_BYTES: '1048576', IMPORT_MAX_SECONDS: '3' })).importLimits;
    expect(limits).toEqual({ maxRows: 800, maxColumns: 30, maxCells: 9000, maxInflatedBytes: 1048576, maxParseMs: 3000 });
  });

  it.each(['IMPORT_MAX_ROWS', 'IMPORT_MAX_COLUMNS', 'IMPORT_MAX_CELLS', 'IMPORT_MAX_INFLATED_BYTES', 'IMPORT_MAX_SECONDS'])('refuses 0 for %s', (name) => {
    expect(() => loadAppConfig(env({ [name]: '0' }))).toThrow(`${name} must be a whole number of at least 1, got "0"`);
  });
});

describe('loadAppConfig: DEMO_PLAN and DATA_DIR', () => {
  const env = (extra: Record<string, string> = {}) => ({ DATA_DIR: '/tmp/send-config-spec', ...extra });

  it('loads the demo plan into an empty store when trying the product out', () => {
    expect(loadAppConfig(env()).loadDemoPlan).toBe(true);
    expect(loadAppConfig(env({ NODE_ENV: 'development' })).loadDemoPlan).toBe(true);
  });

  it('never writes the fictitious plan into a production history unless asked by name', () => {
    expect(loadAppConfig(env({ NODE_ENV: 'production' })).loadDemoPlan).toBe(false);
    expect(loadAppConfig(env({ NODE_ENV: 'production', DEMO_PLAN: '' })).loadDemoPlan).toBe(false);
    expect(loadAppConfig(env({ NODE_ENV: 'production', DEMO_PLAN: 'load' })).loadDemoPlan).toBe(true);
    expect(loadAppConfig(env({ DEMO_PLAN: 'skip' })).loadDemoPlan).toBe(false);
  });

  it('refuses anything but load or skip', () => {
    expect(() => loadAppConfig(env({ DEMO_PLAN: 'yes' }))).toThrow('DEMO_PLAN must be "load" or "skip", got "yes"');
  });

  it('takes an empty DATA_DIR as unset (./data), not as the current directory', () => {
    expect(loadAppConfig({ DATA_DIR: '' }).dataDir).toBe(resolve('./data'));
    expect(loadAppConfig({ DATA_DIR: '' }).eventStore).toMatchObject({ filename: resolve('./data/events.sqlite') });
  });
});

describe('loadAppConfig: sign-in links', () => {
  const env = (extra: Record<string, string> = {}) => ({ DATA_DIR: '/tmp/send-config-spec', ...extra });

  it('lasts 15 minutes, opens a 10-hour session, and allows 3 links an address and 30 requests a client each hour by default', () => {
    expect(loadAppConfig(env()).signInLinks).toEqual({ linkMinutes: 15, sessionHours: 10, perAddressPerHour: 3, perClientPerHour: 30 });
    expect(loadAppConfig(env({ SIGN_IN_LINK_MINUTES: '5', SIGN_IN_SESSION_HOURS: '8', SIGN_IN_LINKS_PER_ADDRESS: '5', SIGN_IN_REQUESTS_PER_CLIENT: '200' })).signInLinks).toEqual({
      linkMinutes: 5,
      sessionHours: 8,
      perAddressPerHour: 5,
      perClientPerHour: 200,
    });
  });

  it('refuses a link valid for more than an hour, a session of more than a day, and anything not a whole number', () => {
    expect(() => loadAppConfig(env({ SIGN_IN_LINK_MINUTES: '61' }))).toThrow('SIGN_IN_LINK_MINUTES must be at most 60, got "61"');
    expect(() => loadAppConfig(env({ SIGN_IN_SESSION_HOURS: '25' }))).toThrow('SIGN_IN_SESSION_HOURS must be at most 24, got "25"');
    expect(() => loadAppConfig(env({ SIGN_IN_LINKS_PER_ADDRESS: '0' }))).toThrow('SIGN_IN_LINKS_PER_ADDRESS must be a whole number of at least 1, got "0"');
  });
});

describe('loadAppConfig: TRUST_PROXY', () => {
  const env = (value?: string) => ({ DATA_DIR: '/tmp/send-config-spec', ...(value === undefined ? {} : { TRUST_PROXY: value }) });

  it('trusts no proxy by default, and takes a number of hops or addresses and subnets', () => {
    expect(loadAppConfig(env()).trustProxy).toBeUndefined();
    expect(loadAppConfig(env('1')).trustProxy).toBe(1);
    expect(loadAppConfig(env('loopback, 10.0.0.0/8')).trustProxy).toBe('loopback,10.0.0.0/8');
  });

  it('refuses "true", which would let any client name its own address, and anything not an address', () => {
    expect(() => loadAppConfig(env('true'))).toThrow('TRUST_PROXY=true would let any client name its own address');
    expect(() => loadAppConfig(env('proxy.council.example'))).toThrow('TRUST_PROXY must be a number of proxies or addresses and subnets separated by commas, got "proxy.council.example"');
  });
});

describe('loadAppConfig: chain head mails', () => {
  const env = (extra: Record<string, string> = {}) => ({ DATA_DIR: '/tmp/send-config-spec', ...extra });

  it('checks every minute by default, and can be switched off or slowed', () => {
    expect(loadAppConfig(env()).chainHeadMails).toEqual({ scheduler: true, intervalMs: 60_000 });
    expect(loadAppConfig(env({ HISTORY_HEAD_MAILS: 'off', HISTORY_HEAD_MAIL_CHECK_SECONDS: '600' })).chainHeadMails).toEqual({ scheduler: false, intervalMs: 600_000 });
  });

  it.each([
    [{ HISTORY_HEAD_MAILS: 'yes' }, 'HISTORY_HEAD_MAILS must be "on" or "off", got "yes"'],
    [{ HISTORY_HEAD_MAIL_CHECK_SECONDS: '0' }, 'HISTORY_HEAD_MAIL_CHECK_SECONDS must be a whole number of at least 1, got "0"'],
  ])('refuses %j, naming the variable', (extra, message) => {
    expect(() => loadAppConfig(env(extra))).toThrow(message);
  });
});
