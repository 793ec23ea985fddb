import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Runs one of the api's command-line tools (`apps/api/src/cli/<name>.ts`) as a real process, from
 * its sources as the tests run the api, and answers its exit code and everything it printed.
 */
export async function runCli(name: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  const cli = join(__dirname, '..', '..', 'apps', 'api', 'src', 'cli', `${name}.ts`);
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-r', join(__dirname, 'ts-register.js'), cli, ...args], {
      env: { ...process.env, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}
