import 'reflect-metadata';
import { parseArgs, ParseArgsConfig } from 'node:util';
import { BackupError } from '../backup/backup.errors';
import { ukTime } from '../backup/uk-time';
import { restoreDataDirectory, RestoreSummary } from '../backup/restore-data-directory';
import { ConfigurationError, loadAppConfig } from '../config/app-config';

const USAGE = 'Usage: npm run restore -- --from <backup folder> [--to <data directory>] [--force]';
/** The exit code when the data is restored but the read models could not be rebuilt. */
const NOT_REBUILT = 2;

/** An unknown or incomplete option is refused with the usage, not a stack trace. */
function parseOptions<T extends ParseArgsConfig['options']>(options: T) {
  try {
    return parseArgs({ options, strict: true });
  } catch (error) {
    throw new BackupError(`${(error as Error).message}. ${USAGE}`);
  }
}

function summary(result: RestoreSummary): string[] {
  const { eventStore, takenAt } = result.manifest;
  const lines = [
    `Restore finished in ${(result.elapsedMs / 1000).toFixed(2)} s (backup taken ${ukTime(takenAt)}):`,
    `  event store:    ${result.eventStore}`,
    `  events:         ${result.events}, hash chains verified, head ${eventStore.lastPosition ?? '-'}:${eventStore.chainHead ?? '-'} as in the manifest`,
    `  evidence files: ${result.evidenceFiles}, every one the events name present and matching its hash`,
    `  signing key:    ${result.signingKey}`,
    `  mail outbox:    ${result.outboxMails} mails`,
  ];
  if (result.evidenceMissing.length > 0) {
    lines.push(`WARNING: ${result.evidenceMissing.length} evidence files the events name were already missing when the backup was taken: ${result.evidenceMissing.join(', ')}`);
  }
  if (result.rebuild) {
    lines.push(`  read models:    rebuilt from ${result.rebuild.events} events in ${(result.rebuild.elapsedMs / 1000).toFixed(2)} s`);
    lines.push('OK. The api can start on it now.');
  } else {
    lines.push(`WARNING: the read models could not be rebuilt (${result.rebuildError}).`);
    lines.push('  The data is restored; the api builds them as it starts, or run npm run projections:rebuild.');
  }
  return lines;
}

/**
 * `npm run restore -- --from DIR [--to DATA_DIR]`: checks a backup and brings it into an empty data
 * directory (see restore-data-directory.ts). `--to` stands for DATA_DIR; the other path settings
 * (EVENT_STORE_SQLITE_FILE, EVIDENCE_FILES_DIR, …) still apply, so the data lands where the api
 * with this configuration will look. Exits 0 when restored and ready, 2 when restored but the read
 * models were not rebuilt, 1 when refused (and then nothing was changed).
 */
async function main(): Promise<number> {
  const { values } = parseOptions({ from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.from) throw new BackupError(`--from is required: the backup folder. ${USAGE}`);
  const config = loadAppConfig(values.to ? { ...process.env, DATA_DIR: values.to } : process.env);
  console.log(`Restoring ${values.from} into ${config.dataDir}…`);
  const result = await restoreDataDirectory(config, values.from, { force: values.force, onProgress: (line) => console.log(line) });
  console.log(summary(result).join('\n'));
  return result.rebuild ? 0 : NOT_REBUILT;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof ConfigurationError) console.error(`Configuration error: ${error.message}`);
    else if (error instanceof BackupError) console.error(`Restore refused: ${error.message}`);
    else console.error(error);
    process.exit(1);
  },
);
