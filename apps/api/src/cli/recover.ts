import 'reflect-metadata';
import { BackupError } from '../backup/backup.errors';
import { nextStepsAfterRecovery } from '../backup/incident-report';
import { recoverAfterBreak, RecoveryRefusedError, RecoverySummary, RefusedBecause } from '../backup/recover-after-break';
import { ConfigurationError, loadAppConfig } from '../config/app-config';
import { parseCliOptions } from './cli-options';

const USAGE = 'Usage: npm run recover -- --from <backup folder> --current <data directory that broke> --to <empty folder> --reason "<what was found>"';

/** Exit codes apart from 1 (could not run, or a wrong option): which refusal it was. Nothing is written in any of them. */
const EXIT: Record<Exclude<RefusedBecause, 'input'>, number> = { target: 3, backup: 4 };

function summary(result: RecoverySummary): string[] {
  const { report } = result;
  const c = report.comparison.counts;
  const found = report.current.firstBreak;
  const lines = [
    `Recovery finished in ${(result.elapsedMs / 1000).toFixed(2)} s:`,
    `  broken history:  ${report.current.events} events; ${found ? `first break ${found.kind} at position ${found.position}` : 'no break found'}`,
    `  backup restored: ${report.backup.events} events up to ${report.backup.head}, verified`,
    `  compared:        ${c.edited} edited, ${c.deleted} deleted, ${c.reordered} reordered, ${c.inserted} inserted, ${c.writtenSince} written since the backup`,
    `  recorded:        HistoryRestored at position ${report.restored.historyRestoredAt}; head now ${report.restored.head}`,
    `  read models:     ${report.restored.readModels}`,
    `  incident report: ${result.reportFiles.markdown} (and ${result.reportFiles.json})`,
  ];
  for (const e of report.comparison.edited) lines.push(`  EDITED: position ${e.position}, ${e.type} in ${e.streamId}, revision ${e.revision} (${e.parts.join(', ')})`);
  if (c.writtenSince > 0) lines.push(`  ${c.writtenSince} events written since the backup are NOT in the restored history; the report lists each to re-enter.`);
  lines.push('Next steps:');
  for (const [i, step] of nextStepsAfterRecovery(report, result.reportFiles.markdown).entries()) lines.push(`  ${i + 1}. ${step}`);
  return lines;
}

/**
 * `npm run recover`: after a break in the tamper-evident history, restores a backup that verifies
 * into an empty folder, compares it with the broken history, records the restore there and writes
 * the incident report (see recover-after-break.ts). Exits 0 when recovered; 3 when the target is
 * not empty, 4 when the backup is refused, 1 for anything else; when refused, nothing was written.
 */
async function main(): Promise<number> {
  const { values } = parseCliOptions(
    { from: { type: 'string' }, current: { type: 'string' }, to: { type: 'string' }, reason: { type: 'string' }, help: { type: 'boolean' } },
    USAGE,
    (message) => new RecoveryRefusedError('input', message),
  );
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  for (const option of ['from', 'current', 'to', 'reason'] as const) {
    if (values[option] === undefined) throw new RecoveryRefusedError('input', `--${option} is required. ${USAGE}`);
  }
  const target = loadAppConfig({ ...process.env, DATA_DIR: values.to });
  const current = loadAppConfig({ ...process.env, DATA_DIR: values.current });
  console.log(`Recovering into ${target.dataDir} from the backup ${values.from}; the broken history in ${values.current} is only read…`);
  const result = await recoverAfterBreak({ backupDir: values.from!, currentDataDir: values.current!, reason: values.reason!, target, current, onProgress: (line) => console.log(line) });
  console.log(summary(result).join('\n'));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof ConfigurationError) console.error(`Configuration error: ${error.message}`);
    else if (error instanceof BackupError) console.error(`Recovery refused: ${error.message}`);
    else console.error(error);
    process.exit(error instanceof RecoveryRefusedError && error.because !== 'input' ? EXIT[error.because] : 1);
  },
);
