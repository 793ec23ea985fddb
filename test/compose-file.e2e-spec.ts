import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';

jest.setTimeout(30_000);

// No Docker engine runs here, so the file IT deploys is checked the two ways that need none: the
// compose specification's schema (with dclint's rules), and the promises docs/operations.md makes.
const root = join(__dirname, '..');
const COMPOSE = join(root, 'docker-compose.yml');

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
  restart?: string;
  healthcheck?: { test: string[] };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  profiles?: string[];
}

describe('docker-compose.yml: what a council’s IT deploys', () => {
  const text = readFileSync(COMPOSE, 'utf8');
  const services = (parse(text, { merge: true }) as { services: Record<string, Service> }).services;
  const longRunning = Object.entries(services).filter(([, s]) => s.restart !== 'no');

  it('is valid against the compose specification, with no lint warnings', async () => {
    const result = await dclint(COMPOSE);
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

  it('restarts every long-running service and checks its health', () => {
    expect(longRunning.map(([name]) => name).sort()).toEqual(['api', 'api-2', 'eventstore', 'postgres']);
    for (const [, service] of longRunning) {
      expect(service.restart).toBe('unless-stopped');
      expect(service.healthcheck?.test.length).toBeGreaterThan(0);
    }
  });

  it('starts the api only when its stores are healthy, and checks the api is ready, not merely alive', () => {
    for (const name of ['api', 'api-2']) {
      expect(services[name].depends_on).toMatchObject({ eventstore: { condition: 'service_healthy' }, postgres: { condition: 'service_healthy' } });
      expect(services[name].healthcheck!.test.join(' ')).toContain('/health/ready');
    }
  });

  it('takes every credential from .env and refuses to start without it', () => {
    const secrets = ['EVENTSTORE_CONNECTION_STRING', 'READ_DATABASE_URL', 'POSTGRES_PASSWORD', 'EVENTSTORE_DEFAULT_ADMIN_PASSWORD', 'EVENTSTORE_DEFAULT_OPS_PASSWORD'];
    const values = Object.values(services).flatMap((s) => Object.entries(s.environment ?? {}).filter(([key]) => secrets.includes(key)));
    expect(values.length).toBeGreaterThanOrEqual(secrets.length);
    for (const [key, value] of values) expect([key, value]).toEqual([key, expect.stringMatching(/\$\{[A-Z_]+_PASSWORD:\?[^}]+\}/)]);
    expect(readFileSync(join(root, '.dockerignore'), 'utf8').split('\n')).toContain('.env');
  });

  it('runs EventStoreDB secured: TLS with certificates, and the api connects over TLS', () => {
    const env = services.eventstore.environment!;
    expect(env.EVENTSTORE_INSECURE).toBeUndefined();
    expect(env).toMatchObject({ EVENTSTORE_CERTIFICATE_FILE: expect.any(String), EVENTSTORE_TRUSTED_ROOT_CERTIFICATES_PATH: expect.any(String) });
    expect(services.api.environment!.EVENTSTORE_CONNECTION_STRING).toContain('tls=true');
    expect(services.api.environment!.EVENTSTORE_CONNECTION_STRING).not.toContain('tls=false');
  });

  it('the image checks its own readiness too, for an engine run without compose', () => {
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toMatch(/^HEALTHCHECK [^\n]*\\\n\s+CMD \["node", "-e", "fetch\('http:\/\/127\.0\.0\.1:' \+ \(process\.env\.PORT \|\| 3000\) \+ '\/health\/ready'\)/m);
  });

  it('never loads the demo plan unless .env asks, and publishes ports on this host only', () => {
    expect(services.api.environment!.DEMO_PLAN).toBe('${DEMO_PLAN:-skip}');
    expect(services['api-2'].environment!.DEMO_PLAN).toBe('skip');
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toMatch(/^ENV NODE_ENV=production$/m);
    for (const [, service] of longRunning) for (const port of service.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
  });
});
