import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DomainError, Principal, userDecider, userStream } from '@send/domain';
import { foldStream } from '@send/event-store';
import { Clock } from '../common/clock';
import { PlanCommandService } from '../commands/plan-command.service';
import { ConfigurationError, loadAppConfig, planImportLimits } from '../config/app-config';
import { createEventStore } from '../infrastructure/event-store.provider';
import { eventStoreDirectory } from '../plan-import/plan-import-directory';
import { PlanImportReport } from '../plan-import/plan-import-report';
import { PlanImporter } from '../plan-import/plan-importer';

const USAGE = `Usage: npm run import -- --plan <plan id> --file <plan.csv|plan.xlsx> --user <user id> [--dry-run]
                        [--as-of <YYYY-MM-DD, the date rows without one describe; default today; --as-at is its old name>] [--import-id <id, to resume an import of a changed file>]`;

/**
 * `npm run import`: checks a spreadsheet of actions against a plan and, unless --dry-run or any
 * row is bad, imports it through the same commands users send, as the user named (who must be a
 * plan administrator in the plan's area). It reads only the event store, so it can run beside the
 * api; running it again after an interruption completes the import without repeating anything.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      plan: { type: 'string' },
      file: { type: 'string' },
      user: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'as-of': { type: 'string' },
      'as-at': { type: 'string' },
      'import-id': { type: 'string' },
    },
  });
  if (!values.plan || !values.file || !values.user) throw new ConfigurationError(USAGE);
  if (values['as-of'] !== undefined && values['as-at'] !== undefined) throw new ConfigurationError(`Give --as-of or its old name --as-at, not both\n${USAGE}`);
  const content = readFileSync(values.file);
  const config = loadAppConfig();
  const store = await createEventStore(config.eventStore);
  const clock = new Clock();
  const commands = PlanCommandService.over(store, clock);
  const started = Date.now();
  try {
    const principal = await principalOf(values.user, store);
    const importer = new PlanImporter(store, commands, eventStoreDirectory(store), clock, planImportLimits(config));
    const dryRun = values['dry-run']!;
    console.log(`${dryRun ? 'Checking' : 'Importing'} ${basename(values.file)} ${dryRun ? 'against' : 'into'} plan ${values.plan} as ${principal.displayName} (${principal.userId})…`);
    const report = await importer.import({
      planId: values.plan,
      content,
      principal,
      dryRun,
      asAt: values['as-of'] ?? values['as-at'],
      importId: values['import-id'],
      onProgress: (done, total, row, outcome) => {
        if (done === total || done % 10 === 0 || total <= 20) console.log(`  [${done}/${total}] row ${row.row}: action ${row.ref} ${outcome}`);
      },
    });
    printSummary(report, (Date.now() - started) / 1000);
    return report.problems.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

async function principalOf(userId: string, store: Awaited<ReturnType<typeof createEventStore>>): Promise<Principal> {
  const user = (await foldStream(store, userStream(userId), userDecider)).state;
  if (!user.exists) throw new ConfigurationError(`No user "${userId}" is registered; the import is recorded as a registered plan administrator's`);
  return { userId: user.userId, displayName: user.displayName, ownerId: user.ownerId, grants: user.grants };
}

function printSummary(report: PlanImportReport, seconds: number): void {
  const where = report.format === 'xlsx' ? `worksheet "${report.sheet}", header on row ${report.headerRow}` : `CSV, header on row ${report.headerRow}`;
  const lines = [`Read ${report.rows} row(s) (${where}).`];
  if (report.ignoredColumns.length > 0) lines.push(`Columns not used: ${report.ignoredColumns.join(', ')}.`);
  if (report.problems.length > 0) {
    const rows = new Set(report.problems.map((p) => p.row)).size;
    lines.push(`${rows} bad row(s); nothing was imported:`);
    for (const p of report.problems) lines.push(`  row ${String(p.row).padEnd(5)} ${(p.column ?? '').padEnd(18)} ${p.code.padEnd(20)} ${p.message.replace(/^Row \d+: /, '')}`);
  } else if (report.dryRun) {
    lines.push(`All ${report.validRows} row(s) are good (${report.alreadyImported} already imported). Dry run: nothing was written; run again without --dry-run to import.`);
  } else {
    lines.push(
      `Imported ${report.imported} action(s) with ${report.progressRecorded} progress update(s); ${report.alreadyImported} were already in from an earlier run of this import.`,
    );
  }
  lines.push(`Import id ${report.importId}. Done in ${seconds.toFixed(2)} s.`);
  console.log(lines.join('\n'));
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    if (error instanceof ConfigurationError) console.error(error.message);
    else if (error instanceof DomainError) console.error(`Cannot import: ${error.message}`);
    else if ((error as NodeJS.ErrnoException).code === 'ENOENT') console.error(`No such file: ${(error as NodeJS.ErrnoException).path}`);
    else console.error(error);
    process.exit(1);
  });
