import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

jest.setTimeout(60_000);

/** `npm run grant` as a real process on a data directory of its own (from the sources, as the tests run the api). */
async function grant(dataDir: string, args: string[]): Promise<{ code: number; output: string }> {
  const cli = join(__dirname, '..', 'apps', 'api', 'src', 'cli', 'grant-role.ts');
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-r', join(__dirname, 'support', 'ts-register.js'), cli, ...args], {
      env: { ...process.env, DATA_DIR: dataDir },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

const eventTypes = (dataDir: string): string[] => {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT type FROM events ORDER BY position').all() as { type: string }[]).map((row) => row.type);
  } finally {
    db.close();
  }
};

describe('npm run grant: the operator’s command line checks text as the API does', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'send-grant-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('registers the first plan administrator and grants the role', async () => {
    const done = await grant(dataDir, ['--user', 'alice', '--name', 'Alice Admin', '--role', 'PLAN_ADMINISTRATOR', '--area', 'my-area', '--email', 'alice@council.example']);
    expect(done).toMatchObject({ code: 0 });
    expect(done.output).toContain('Granted PLAN_ADMINISTRATOR in my-area to alice.');
    expect(eventTypes(dataDir)).toEqual(['UserRegistered', 'UserEmailChanged', 'RoleGranted']);
  });

  it.each([
    // (A lone surrogate cannot reach a process argument: arguments are passed as UTF-8.)
    ['a bidirectional override in the name', ['--name', 'Jo \u202Eevil'], '--name', /bidirectional control/],
    ['a bidirectional isolate in the organisation', ['--owner-name', 'Jo', '--owner-organisation', 'Council \u2066x'], '--owner-organisation', /bidirectional control/],
    ['a control character in the area', ['--area', 'my\u0007area'], '--area', /control character/],
  ])('refuses %s, naming the option and the rule, and writes nothing', async (_case, extra, option, message) => {
    const before = eventTypes(dataDir);
    const args = ['--user', 'jo', '--role', 'ACTION_OWNER', '--area', 'my-area', ...extra];
    const refused = await grant(dataDir, args);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(option);
    expect(refused.output).toMatch(message);
    expect(eventTypes(dataDir)).toEqual(before);
  });
});
