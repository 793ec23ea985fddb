import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { EventStore, PostgresEventStore, SqliteEventStore, verifyEventStore } from '@send/event-store';
import { ConfigurationError } from '../config/app-config';
import { parseCliOptions } from './cli-options';

const USAGE = 'Usage: npm run migrate-events -- --from sqlite:<events.sqlite> | postgres:<url>  --to postgres:<url>';
/** Exit codes apart from 1 ("could not"): the target already holds events; the source does not verify; the copy does not verify. */
const TARGET_NOT_EMPTY = 3;
const SOURCE_BROKEN = 4;
const COPY_BROKEN = 2;
const PAGE = 1000;

type Where = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

function where(value: string | undefined, option: string): Where {
  if (value?.startsWith('sqlite:')) return { kind: 'sqlite', file: value.slice('sqlite:'.length) };
  if (value?.startsWith('postgres:')) {
    const url = value.slice('postgres:'.length);
    if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigurationError(`${option}: after postgres: give a URL such as postgres://user:pass@host:5432/send_tracker. ${USAGE}`);
    return { kind: 'postgres', url };
  }
  throw new ConfigurationError(`${option} must start with sqlite: or postgres:. ${USAGE}`);
}

const describe = (w: Where) => (w.kind === 'sqlite' ? w.file : w.url.replace(/\/\/[^@/]*@/, '//…@'));

async function open(w: Where): Promise<EventStore> {
  if (w.kind === 'sqlite') {
    if (!existsSync(w.file)) throw new ConfigurationError(`There is no event store at ${w.file}`);
    return new SqliteEventStore({ filename: w.file, backgroundCheckpoints: false });
  }
  return PostgresEventStore.open({ connectionString: w.url });
}

/**
 * `npm run migrate-events`: copies a whole history from one event store into an empty PostgreSQL
 * one, event for event: positions, revisions, ids, recorded times and hashes stay as they were,
 * so every chain head ever printed or mailed still verifies against the copy. The source is
 * verified first and must hold; each event is checked again as it is written; the copy is
 * verified at the end and must end at the source's head. Stop the api first: nothing else may
 * write to either store meanwhile.
 */
async function main(): Promise<number> {
  const { values } = parseCliOptions({ from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean' } }, USAGE, (m) => new ConfigurationError(m));
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const from = where(values.from, '--from');
  const to = where(values.to, '--to');
  if (to.kind !== 'postgres') throw new ConfigurationError(`--to must be a PostgreSQL event store (postgres:<url>). ${USAGE}`);
  const started = Date.now();
  const source = await open(from);
  let target: PostgresEventStore | undefined;
  try {
    target = (await open(to)) as PostgresEventStore;
    const existing = await target.head();
    if (existing) {
      console.error(`Refused: ${describe(to)} already holds ${existing.events} events (newest at position ${existing.position}). Migrate only into an empty event store; nothing was written.`);
      return TARGET_NOT_EMPTY;
    }
    const head = await source.head();
    if (!head) {
      console.log(`${describe(from)} holds no events; nothing to copy.`);
      return 0;
    }
    console.log(`Verifying ${describe(from)} (${head.events} events) before copying…`);
    const checked = await verifyEventStore(source, { acceptUnchainedHistory: false });
    if (!checked.ok) {
      console.error(`Refused: the source history does not verify (${checked.firstBreak!.kind} at position ${checked.firstBreak!.position}): ${checked.firstBreak!.message} Restore a backup that verifies first (npm run recover); nothing was written.`);
      return SOURCE_BROKEN;
    }
    console.log(`Copying ${head.events} events into ${describe(to)}…`);
    let copied = 0;
    let shown = Date.now();
    let after: bigint | undefined;
    for (;;) {
      const page = await source.readAll({ after, maxCount: PAGE, withHashes: true });
      if (page.length === 0) break;
      await target.importRecorded(page);
      copied += page.length;
      after = page[page.length - 1].position;
      if (Date.now() - shown >= 1000 || copied === head.events) {
        shown = Date.now();
        console.log(`  ${copied} of ${head.events} events (${Math.floor((100 * copied) / head.events)}%), ${((shown - started) / 1000).toFixed(1)} s`);
      }
    }
    console.log('Verifying the copy…');
    const copy = await verifyEventStore(target);
    const sameHead = copy.head?.position === checked.head?.position && copy.head?.hash === checked.head?.hash;
    if (!copy.ok || !sameHead) {
      console.error(`The copy does not verify or does not end at the source's head (${copy.firstBreak?.message ?? `head ${copy.head?.position}:${copy.head?.hash}`}). Do not run on it: drop its schema send_events and try again.`);
      return COPY_BROKEN;
    }
    console.log(
      [
        `Copied ${copied} events in ${((Date.now() - started) / 1000).toFixed(1)} s; the copy verifies and ends at the same head:`,
        `  head: ${copy.head!.position}:${copy.head!.hash}`,
        'Every chain head mailed or printed before still verifies against it. Next: start the api with EVENT_STORE=postgres (and EVENT_STORE_URL, or READ_DATABASE_URL to share one database); its read models are rebuilt from the copy on first start.',
      ].join('\n'),
    );
    return 0;
  } finally {
    await target?.close();
    await source.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigurationError ? `Configuration error: ${error.message}` : error);
    process.exit(1);
  },
);
