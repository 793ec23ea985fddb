import { execFile, execFileSync } from 'node:child_process';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { freeLoopbackPort } from './free-port';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

const DATABASE = 'send_tracker_test';
const START_ATTEMPTS = 3;

export interface PostgresCluster {
  url: string;
  stop(): Promise<void>;
  /** Stops the server as a crash would (immediate: no checkpoint, recovery on start) and starts it again on the same port. */
  restart(): Promise<void>;
}

interface Runner {
  dir: string;
  command(bin: string, args: string[]): [string, string[]];
}

export interface ThrowawayPostgresOptions {
  /**
   * Leaves fsync and full_page_writes on and sets synchronous_commit=on, so a commit is on disk
   * when it returns: for the benchmark's durable appends. Off by default: tests want speed.
   */
  durable?: boolean;
}

/**
 * Starts a private PostgreSQL cluster in a temp dir so tests never touch a developer's own
 * server. Resolves to undefined when no PostgreSQL binaries are installed.
 */
export async function startThrowawayPostgres(options: ThrowawayPostgresOptions = {}): Promise<PostgresCluster | undefined> {
  const binDir = findPgBinDir();
  if (!binDir) return undefined;

  const dir = await mkdtemp(join(tmpdir(), 'send-tracker-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  const runner = asClusterOwner(dir);
  const pgCtl = (args: string[]) => exec(runner, join(binDir, 'pg_ctl'), ['-D', dataDir, ...args]);

  const cleanUpSync = () => {
    // A crashed or interrupted run skips globalTeardown; without this the postmaster (which
    // pg_ctl detaches into its own session) would outlive Jest and keep the temp dir alive.
    if (existsSync(join(dataDir, 'postmaster.pid'))) {
      try {
        const [file, args] = runner.command(join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']);
        execFileSync(file, args, { cwd: dir, stdio: 'ignore' });
      } catch {
        // Already stopped.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', cleanUpSync);

  try {
    if (isRoot()) await chown(dir, ...postgresIds());
    await exec(runner, join(binDir, 'initdb'), [
      '-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8',
      // The machine's LANG may name a locale that is not installed, which makes initdb fail.
      '--locale=C',
    ]);

    const port = await startWithRetries(pgCtl, dir, logFile, options.durable ?? false);
    const baseUrl = `postgres://postgres@127.0.0.1:${port}`;
    await createDatabase(`${baseUrl}/postgres`, DATABASE);

    let stopped = false;
    return {
      url: `${baseUrl}/${DATABASE}`,
      async restart() {
        await pgCtl(['-m', 'immediate', '-w', 'stop']);
        // Started with the options of the last start (port, settings), which pg_ctl kept in postmaster.opts.
        await pgCtl(['-l', logFile, '-t', '60', '-w', 'start', '-o', await startOptions(dataDir)]);
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await pgCtl(['-m', 'immediate', '-w', 'stop']);
        } finally {
          process.removeListener('exit', cleanUpSync);
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    const tail = await logTail(logFile);
    if (tail) console.error(`PostgreSQL log (${logFile}), last lines:\n${tail}`);
    process.removeListener('exit', cleanUpSync);
    cleanUpSync();
    throw new Error(`Could not start a throwaway PostgreSQL from ${binDir}: ${explain(error)}`);
  }
}

/** PG_BIN_DIR wins, then the newest Debian-style install, then whatever pg_config reports. */
export function findPgBinDir(): string | undefined {
  const candidates: string[] = [];
  if (process.env.PG_BIN_DIR) candidates.push(process.env.PG_BIN_DIR);

  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(root, version, 'bin')));
  }

  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // No pg_config on PATH.
  }

  return candidates.find((dir) => ['initdb', 'pg_ctl', 'postgres'].every((bin) => existsSync(join(dir, bin))));
}

/**
 * Binding port 0 lets the OS pick a free port; another process can grab it before postgres
 * binds, so a failed start is retried with a fresh port.
 */
async function startWithRetries(
  pgCtl: (args: string[]) => Promise<void>,
  dir: string,
  logFile: string,
  durable: boolean,
): Promise<number> {
  const durability = durable ? '-c fsync=on -c full_page_writes=on -c synchronous_commit=on' : '-c fsync=off -c full_page_writes=off';
  for (let attempt = 1; ; attempt++) {
    const port = await freeLoopbackPort();
    const options = `-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1 ${durability}`;
    try {
      await pgCtl(['-o', options, '-l', logFile, '-t', '60', '-w', 'start']);
      return port;
    } catch (error) {
      if (attempt >= START_ATTEMPTS) throw error;
    }
  }
}

/** The options the server last ran with, less the program and data directory. */
async function startOptions(dataDir: string): Promise<string> {
  const opts = (await readFile(join(dataDir, 'postmaster.opts'), 'utf8')).trim();
  // e.g. /usr/lib/postgresql/15/bin/postgres "-D" "/tmp/…/data" "-p" "5432" "-k" "/tmp/…" …
  const args = [...opts.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-D') i += 1;
    else kept.push(/\s/.test(args[i]) || args[i].includes("'") ? `'${args[i]}'` : args[i]);
  }
  return kept.join(' ');
}

async function createDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** initdb and postgres refuse to run as root, so the cluster belongs to the postgres user. */
function asClusterOwner(dir: string): Runner {
  return {
    dir,
    command: (bin, args) => (isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]),
  };
}

async function exec(runner: Runner, bin: string, args: string[]): Promise<void> {
  const [file, fileArgs] = runner.command(bin, args);
  // cwd is the temp dir because the postgres user may not be allowed into the repo checkout.
  await run(file, fileArgs, { cwd: runner.dir, timeout: 120_000 });
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function postgresIds(): [number, number] {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return [uid, gid];
}

async function logTail(logFile: string, lines = 40): Promise<string> {
  try {
    return (await readFile(logFile, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function explain(error: unknown): string {
  // execFile already appends the command's stderr to the message.
  return error instanceof Error ? error.message : String(error);
}
