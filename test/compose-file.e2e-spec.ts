import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';

jest.setTimeout(30_000);

// No Docker engine runs here, so the files IT deploys are checked the two ways that need none: the
// compose specification's schema (with dclint's rules), and the promises docs/operations.md makes.
// docker-compose.yml runs everything on PostgreSQL; docker-compose.kurrentdb.yml is a layer on it
// that moves the events to KurrentDB, an option no server here has ever run.
const root = join(__dirname, '..');
const COMPOSE = join(root, 'docker-compose.yml');
const KURRENTDB_LAYER = join(root, 'docker-compose.kurrentdb.yml');

async function dclint(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(root, 'node_modules/dclint/bin/dclint.cjs'), file, '--max-warnings', '0', '--color', 'false']);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  restart?: string;
  healthcheck?: { test: string[] };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  ports?: string[];
  profiles?: string[];
}

function servicesOf(text: string): Record<string, Service> {
  return (parse(text, { merge: true }) as { services: Record<string, Service> }).services;
}

/** The variables compose refuses to start without (`${NAME:?…}`). */
function requiredVariables(text: string): string[] {
  return [...text.matchAll(/\$\{([A-Z_]+):\?/g)].map((match) => match[1]);
}

const EVENT_STORE_SERVER = /eventstore|kurrent|esdb/i;

describe('docker-compose.yml: what a council’s IT deploys', () => {
  const text = readFileSync(COMPOSE, 'utf8');
  const services = servicesOf(text);
  const layerText = readFileSync(KURRENTDB_LAYER, 'utf8');
  const layer = servicesOf(layerText);
  const longRunning = [...Object.entries(services), ...Object.entries(layer).filter(([name]) => !services[name])].filter(([, s]) => s.restart !== 'no');

  it.each([
    ['docker-compose.yml', COMPOSE],
    ['docker-compose.kurrentdb.yml', KURRENTDB_LAYER],
  ])('%s is valid against the compose specification, with no lint warnings', async (_name, file) => {
    const result = await dclint(file);
    expect(result.output).not.toMatch(/error|warning/);
    expect(result.code).toBe(0);
  });

  it('the validator does refuse a file that breaks the specification', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'send-compose-'));
    try {
      const broken = join(dir, 'docker-compose.yml');
      writeFileSync(broken, text.replace('    restart: unless-stopped', '    restrat: unless-stopped'));
      const result = await dclint(broken);
      expect(result.code).not.toBe(0);
      expect(result.output).toContain('invalid-schema');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('restarts every long-running service and checks its health, in both layouts', () => {
    expect(longRunning.map(([name]) => name).sort()).toEqual(['api', 'api-2', 'kurrentdb', 'postgres']);
    for (const [, service] of longRunning) {
      expect(service.restart).toBe('unless-stopped');
      expect(service.healthcheck?.test.length).toBeGreaterThan(0);
    }
  });

  it('by default runs everything on PostgreSQL: the api keeps its events beside the read models, and no event store server starts', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'api-2', 'postgres']);
    for (const [name, service] of Object.entries(services)) expect([name, service.image ?? 'built here']).toEqual([name, expect.not.stringMatching(EVENT_STORE_SERVER)]);
    for (const name of ['api', 'api-2']) {
      const env = services[name].environment!;
      expect(env).toMatchObject({ EVENT_STORE: 'postgres', READ_DATABASE: 'postgres', READ_DATABASE_URL: expect.stringMatching(/^postgres:\/\/send:[^@]+@postgres:5432\/send_tracker$/) });
      // Unset, the events share the read models' database (apps/api/src/config/app-config.ts).
      expect(env.EVENT_STORE_URL).toBeUndefined();
      expect(Object.keys(env).filter((key) => EVENT_STORE_SERVER.test(key))).toEqual([]);
    }
    // A plain `docker compose up -d` starts the api; the second instance waits for `--profile scaled`.
    expect(services.api.profiles).toBeUndefined();
    expect(services['api-2'].profiles).toEqual(['scaled']);
  });

  it('starts the api only when PostgreSQL is healthy (the second after the first), and checks the api is ready, not merely alive', () => {
    expect(services.api.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(services['api-2'].depends_on).toEqual({ api: { condition: 'service_healthy' }, postgres: { condition: 'service_healthy' } });
    for (const name of ['api', 'api-2']) expect(services[name].healthcheck!.test.join(' ')).toContain('/health/ready');
  });

  it('keeps PostgreSQL durable, on a volume, unreachable from outside, and healthy only once it takes connections over the network', () => {
    const postgres = services.postgres;
    expect(postgres.ports).toBeUndefined();
    expect(postgres.volumes).toEqual(['postgres-data:/var/lib/postgresql/data']);
    const settings = postgres.command!.filter((_arg, i) => postgres.command![i - 1] === '-c');
    expect(settings).toEqual(expect.arrayContaining(['synchronous_commit=on', 'fsync=on']));
    expect(settings.filter((setting) => /=(off|false|0|local)$/.test(setting))).toEqual([]);
    expect(postgres.environment!.POSTGRES_INITDB_ARGS).toContain('--data-checksums');
    // The image's first-start server listens on the Unix socket only; TCP is closed until it is done.
    expect(postgres.healthcheck!.test).toEqual(expect.arrayContaining(['pg_isready', '--host=127.0.0.1']));
  });

  it('takes every credential from .env, refuses to start without it, and .env.example names each one', () => {
    const secrets = ['EVENTSTORE_CONNECTION_STRING', 'READ_DATABASE_URL', 'POSTGRES_PASSWORD', 'KURRENTDB_DEFAULT_ADMIN_PASSWORD', 'KURRENTDB_DEFAULT_OPS_PASSWORD'];
    const values = [...Object.values(services), ...Object.values(layer)].flatMap((s) => Object.entries(s.environment ?? {}).filter(([key]) => secrets.includes(key)));
    expect(new Set(values.map(([key]) => key))).toEqual(new Set(secrets));
    for (const [key, value] of values) expect([key, value]).toEqual([key, expect.stringMatching(/\$\{[A-Z_]+_PASSWORD:\?[^}]+\}/)]);
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    for (const name of [...requiredVariables(text), ...requiredVariables(layerText)]) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
    expect(readFileSync(join(root, '.dockerignore'), 'utf8').split('\n')).toContain('.env');
  });

  describe('docker-compose.kurrentdb.yml: KurrentDB for the events, unproven here', () => {
    it('says at its head that it has never run, and the default file points to it as such', () => {
      expect(layerText.split('\n')[0]).toMatch(/^# UNPROVEN HERE\./);
      expect(text).toMatch(/^# .*unproven here.*`docker compose -f docker-compose\.yml -f docker-compose\.kurrentdb\.yml up -d/im);
    });

    it('runs the current long-term-support KurrentDB server', () => {
      expect(layer.kurrentdb.image).toMatch(/^docker\.kurrent\.io\/kurrent-lts\/kurrentdb:26\.0\.\d+$/);
    });

    it('moves both api instances to it once it is healthy, and leaves every other setting to docker-compose.yml', () => {
      for (const name of ['api', 'api-2']) {
        expect(layer[name].environment).toEqual({ EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: expect.stringMatching(/@kurrentdb:2113\?/) });
        expect(layer[name].depends_on).toEqual({ kurrentdb: { condition: 'service_healthy' } });
        expect(layer[name].volumes).toEqual(['esdb-certs:/certs:ro']);
      }
      // Compose merges a layer's service into the base file's; one not in the base needs its own image.
      for (const [name, service] of Object.entries(layer)) expect([name, Boolean(services[name] || service.image)]).toEqual([name, true]);
    });

    it('runs KurrentDB secured: TLS with certificates, and the api connects over TLS', () => {
      const env = layer.kurrentdb.environment!;
      expect(Object.keys(env).filter((key) => /INSECURE/.test(key))).toEqual([]);
      expect(env).toMatchObject({ KURRENTDB_CERTIFICATE_FILE: expect.any(String), KURRENTDB_TRUSTED_ROOT_CERTIFICATES_PATH: expect.any(String) });
      expect(layer.api.environment!.EVENTSTORE_CONNECTION_STRING).toContain('tls=true');
      expect(layer.api.environment!.EVENTSTORE_CONNECTION_STRING).not.toContain('tls=false');
    });
  });

  it('the image checks its own readiness too, for an engine run without compose', () => {
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toMatch(/^HEALTHCHECK [^\n]*\\\n\s+CMD \["node", "-e", "fetch\('http:\/\/127\.0\.0\.1:' \+ \(process\.env\.PORT \|\| 3000\) \+ '\/health\/ready'\)/m);
  });

  it('never loads the demo plan unless .env asks, and publishes ports on this host only', () => {
    expect(services.api.environment!.DEMO_PLAN).toBe('${DEMO_PLAN:-skip}');
    expect(services['api-2'].environment!.DEMO_PLAN).toBe('skip');
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toMatch(/^ENV NODE_ENV=production$/m);
    for (const [, service] of [...Object.entries(services), ...Object.entries(layer)]) for (const port of service.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
  });
});
