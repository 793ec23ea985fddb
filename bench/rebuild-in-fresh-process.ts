import { fork } from 'node:child_process';
import { join } from 'node:path';
import { ReadDatabaseConfig } from '@send/read-models';
import { MeasuredRebuild } from './rebuild-measured';

/**
 * Runs a measured rebuild in a fresh node process, as `npm run projections:rebuild` would run:
 * its heap and resident memory are then the rebuild's own, not the earlier phases' leftovers
 * (the dataset's million latencies, the closed app) that a rebuild in this process would carry.
 */
export type RebuildStore = 'bare' | 'verifying';

export function rebuildInFreshProcess(eventsFile: string, database: ReadDatabaseConfig, through: RebuildStore = 'bare'): Promise<MeasuredRebuild> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'rebuild-child.js'), [JSON.stringify({ eventsFile, database, through })], { execArgv: ['--expose-gc'], stdio: 'inherit' });
    let measured: MeasuredRebuild | undefined;
    child.on('message', (message) => (measured = message as MeasuredRebuild));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (measured && code === 0) resolve(measured);
      else reject(new Error(`The rebuild process ended with ${signal ?? `exit code ${code}`} before reporting`));
    });
  });
}
