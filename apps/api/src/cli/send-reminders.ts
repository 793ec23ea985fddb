import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { isCalendarDate } from '@send/domain';
import { createApp } from '../app.factory';
import { Clock } from '../common/clock';
import { ConfigurationError, loadAppConfig } from '../config/app-config';
import { ReminderOutcome, ReminderSenderService } from '../reminders/reminder-sender.service';

const USAGE = 'Usage: npm run reminders -- [--dry-run [--on <YYYY-MM-DD>]]';

const SAID: Record<ReminderOutcome, string> = {
  sent: 'sent',
  failed: 'FAILED',
  alreadyHandled: 'done before',
  takenElsewhere: 'taken by another instance',
  unaddressed: 'no address',
  wouldSend: 'would send',
};

/** "What would be due on that day", for a dry run only: sending records the real time. */
class DayClock extends Clock {
  constructor(private readonly day: string) {
    super();
  }

  override now(): string {
    return `${this.day}T09:00:00.000Z`;
  }
}

/**
 * `npm run reminders`: sends every reminder due now that has not gone yet, exactly as the api's
 * scheduler does (and safely beside it: each reminder is claimed in the event store before it is
 * sent). `--dry-run` lists what is due and sends nothing.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false }, on: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) return console.log(USAGE);
  const dryRun = values['dry-run'] === true;
  if (values.on !== undefined && (!dryRun || !isCalendarDate(values.on))) throw new ConfigurationError(`--on takes a date and only goes with --dry-run. ${USAGE}`);
  const loaded = loadAppConfig();
  const reminders = { ...loaded.reminders!, scheduler: false };
  const config = { ...loaded, reminders, loadDemoPlan: false, quiet: true };
  const started = Date.now();
  const transport = reminders.transport.type === 'smtp' ? 'the SMTP server' : `.eml files in ${reminders.transport.dir}`;
  console.log(`${dryRun ? 'Dry run: listing' : 'Sending'} the reminders due${values.on ? ` on ${values.on}` : ' now'}${dryRun ? '' : ` to ${transport}`}…`);

  const app = await createApp(config, values.on ? new DayClock(values.on) : new Clock());
  try {
    await app.init();
    const summary = await app.get(ReminderSenderService).run({
      dryRun,
      onProgress: (done, total, reminder, outcome) => {
        const to = reminder.recipients.length > 0 ? reminder.recipients.join(', ') : reminder.content.addressee;
        console.log(`  [${done}/${total}] ${SAID[outcome].padEnd(11)} ${reminder.kind.padEnd(14)} ${to} (${reminder.key})`);
      },
    });
    console.log(
      [
        `Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary.due} due;`,
        dryRun ? `${summary.wouldSend} would be sent,` : `${summary.sent} sent, ${summary.failed} failed,`,
        `${summary.alreadyHandled} done before, ${summary.takenElsewhere} taken by another instance, ${summary.unaddressed} with no email address.`,
      ].join(' '),
    );
    if (summary.failed > 0) process.exitCode = 1;
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigurationError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
