import 'reflect-metadata';
import { parseArgs, ParseArgsConfig } from 'node:util';
import { backUpDataDirectory, BackupSummary } from '../backup/back-up-data-directory';
import { BackupError } from '../backup/backup.errors';
import { ukTime } from '../backup/uk-time';
import { ConfigurationError, loadAppConfig } from '../config/app-config';

const USAGE = 'Usage: npm run backup -- --to <new or empty folder>';
/** The exit code for a finished backup that could not copy every evidence file the events name. */
const INCOMPLETE = 2;

/** An unknown or incomplete option is refused with the usage, not a stack trace. */
function parseOptions<T extends ParseArgsConfig['options']>(options: T) {
  try {
    return parseArgs({ options, strict: true });
  } catch (error) {
    throw new BackupError(`${(error as Error).message}. ${USAGE}`);
  }
}

function summary(result: BackupSummary): string[] {
  const { eventStore } = result.manifest;
  const lines = [
    `Backup finished in ${(result.elapsedMs / 1000).toFixed(2)} s: ${result.dir}`,
    `  taken:          ${ukTime(result.manifest.takenAt)}`,
    `  events:         ${eventStore.events}, up to position ${eventStore.lastPosition ?? '-'}`,
    `  chain head:     ${eventStore.lastPosition ?? '-'}:${eventStore.chainHead ?? '-'}`,
    `  evidence files: ${result.evidenceFiles} (${(result.evidenceBytes / 1024 / 1024).toFixed(1)} MB); the events name ${result.evidenceNamed}`,
    `  signing key:    ${result.signingKey ? 'included: keep this backup as secret as the key itself' : 'none'}`,
    `  mail outbox:    ${result.outboxMails} mails`,
    '  read models:    not included; a restore rebuilds them from the events',
  ];
  for (const sha256 of result.evidenceCorrupt) lines.push(`WARNING: evidence file ${sha256} in the data directory no longer matches its hash; copied as it is`);
  if (result.evidenceMissing.length > 0) {
    lines.push(`WARNING: ${result.evidenceMissing.length} evidence files the events name could not be copied whole: ${result.evidenceMissing.join(', ')}`);
    lines.push('  The data directory has lost them; a restore will say so. Find them in an older backup.');
  } else {
    lines.push(`OK. Restore with: npm run restore -- --from ${result.dir} [--to <empty data directory>]`);
  }
  return lines;
}

/**
 * `npm run backup -- --to DIR`: a consistent copy of the embedded deployment, taken while the api
 * runs (see back-up-data-directory.ts for what is copied and in which order). Exits 0 when the
 * backup is whole, 2 when evidence files the events name were missing or damaged in the data
 * directory, 1 when it could not back up (and then leaves nothing behind).
 */
async function main(): Promise<number> {
  const { values } = parseOptions({ to: { type: 'string' }, help: { type: 'boolean' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.to) throw new BackupError(`--to is required: the folder to back up into. ${USAGE}`);
  const config = loadAppConfig();
  console.log(`Backing up ${config.dataDir} to ${values.to} (the api may keep running)…`);
  const result = await backUpDataDirectory(config, values.to, {
    onProgress: (line) => console.log(line),
    onStepDone: (_step, line) => console.log(`  ${line}`),
  });
  console.log(summary(result).join('\n'));
  return result.evidenceMissing.length > 0 || result.evidenceCorrupt.length > 0 ? INCOMPLETE : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof ConfigurationError) console.error(`Configuration error: ${error.message}`);
    else if (error instanceof BackupError) console.error(`Backup refused: ${error.message}`);
    else console.error(error);
    process.exit(1);
  },
);
