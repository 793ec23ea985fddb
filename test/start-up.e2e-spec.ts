import Database from 'better-sqlite3';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeLoopbackPort } from './support/free-port';

jest.setTimeout(90_000);

/** `npm start` as a real process (from the sources, as the other process tests run it). */
function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, ['-r', join(__dirname, 'support', 'ts-register.js'), join(__dirname, '..', 'apps', 'api', 'src', 'main.ts')], {
    env: { ...process.env, REMINDERS: 'off', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForOutput(run: ReturnType<typeof start>, text: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  let exited = false;
  void run.exited.then(() => (exited = true));
  while (!run.output().includes(text)) {
    if (exited) throw new Error(`The app stopped before printing "${text}":\n${run.output()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`No "${text}" within ${timeoutMs} ms:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const eventCount = (dataDir: string): number => {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('npm start: what a newcomer and a council’s IT see', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'send-start-'));
    dirs.push(dir);
    return join(dir, 'data');
  };
  const running: ChildProcess[] = [];
  afterAll(() => {
    for (const child of running) child.kill('SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('ends its output with the dashboard address, how to sign in and where the data lives', async () => {
    const port = await freeLoopbackPort();
    const dir = dataDir();
    // As at a terminal: readable lines, not JSON.
    const run = start({ DATA_DIR: dir, PORT: String(port), DEMO_PLAN: 'skip', LOG_FORMAT: 'pretty' });
    running.push(run.child);
    await waitForOutput(run, 'Data ');
    const answer = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(answer.status).toBeLessThan(500);
    const summary = run.output().slice(run.output().indexOf('The SEND Improvement Plan tracker is ready.'));
    expect(summary).toContain(`Dashboard  http://localhost:${port}/`);
    expect(summary).toContain('Sign in    with your e-mail address on the dashboard');
    expect(summary).toContain(`the sign-in mails are .eml files in ${join(dir, 'outbox')}`);
    expect(summary).toContain('or npm run token -- --user');
    expect(summary).toContain(`Data       ${dir} (events in ${join(dir, 'events.sqlite')}`);
    run.child.kill('SIGTERM');
    await run.exited;
  });

  it('in production, leaves an empty store empty and says how to create the first administrator', async () => {
    const port = await freeLoopbackPort();
    const dir = dataDir();
    const run = start({ DATA_DIR: dir, PORT: String(port), NODE_ENV: 'production' });
    running.push(run.child);
    await waitForOutput(run, 'npm run grant');
    expect(run.output()).toContain('The event store is empty');
    expect(run.output()).not.toContain('demo plan: ');
    // A log collector gets JSON lines, the summary among them.
    expect(run.output()).toMatch(/^\{"level":"info".*"msg":"  Dashboard  http:\/\/localhost:\d+\/"/m);
    run.child.kill('SIGTERM');
    await run.exited;
    expect(eventCount(dir)).toBe(0);
  });

  describe('a second start on a busy port', () => {
    let busy: Server;
    let port: number;
    beforeAll(async () => {
      port = await freeLoopbackPort();
      busy = createServer();
      // On every interface, as another program (or the tracker itself) would hold it.
      await new Promise<void>((resolve) => busy.listen(port, resolve));
    });
    afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

    it('says the port is in use and which setting to change, without a stack, and touches no data', async () => {
      const dir = dataDir();
      const run = start({ DATA_DIR: dir, PORT: String(port), DEMO_PLAN: 'load' });
      running.push(run.child);
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`Cannot start: port ${port} is in use`);
      expect(run.output()).toContain('set PORT');
      expect(run.output()).not.toMatch(/\n\s+at /);
      expect(existsSync(dir)).toBe(false);
    });
  });
});
