import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ChainHead, ChainVerification, verifyEventStore } from '@send/event-store';
import { ConfigurationError, loadAppConfig } from '../config/app-config';
import { createEventStore } from '../infrastructure/event-store.provider';
import { nextStepsAfterBreak } from '../history/after-a-break';

const USAGE = 'Usage: npm run verify [-- --head <position>:<hash> ...]   (heads as printed in a quarterly report)';
/** The exit code for a broken chain, apart from 1 for "could not check". */
const BROKEN = 2;

function headsFrom(values: string[] = []): ChainHead[] {
  return values.map((value) => {
    const match = /^([1-9][0-9]{0,18}):([0-9a-fA-F]{64})$/.exec(value.trim());
    if (!match) throw new ConfigurationError(`--head ${value}: expected <position>:<64 hexadecimal characters>, e.g. 263:1f13…51a. ${USAGE}`);
    return { position: BigInt(match[1]), hash: match[2].toLowerCase() };
  });
}

function summary(result: ChainVerification, seconds: number): string[] {
  const lines = [`Checked ${result.eventsChecked} events in ${result.streamsChecked} streams in ${seconds.toFixed(2)} s.`];
  // A head is offered to keep only when the chains hold: one from a broken chain would bless forged data.
  if (result.head && result.ok) lines.push(`  head: ${result.head.position}:${result.head.hash}  (keep this to check against later)`);
  for (const head of result.heads) lines.push(`  given head ${head.position}:${head.hash}: ${head.matches ? 'still matches' : 'DOES NOT MATCH'}`);
  const found = result.firstBreak;
  if (!found) {
    lines.push('OK: both hash chains hold; no event was edited, deleted or reordered.');
    return lines;
  }
  lines.push(`BROKEN (${found.kind}) at position ${found.position}${found.streamId ? `, stream ${found.streamId}, revision ${found.revision}` : ''}:`);
  lines.push(`  ${found.message}`);
  lines.push('What to do now:');
  for (const [i, step] of nextStepsAfterBreak(found.position, found.kind).entries()) lines.push(`  ${i + 1}. ${step}`);
  return lines;
}

/**
 * `npm run verify`: recomputes the event store's hash chains from the first event to the last and
 * names the first break. Exits 0 when the history holds, 2 when it is broken, 1 when it could not
 * be checked. It only reads, so it can run beside the api.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { head: { type: 'string', multiple: true }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const heads = headsFrom(values.head);
  const config = loadAppConfig();
  if (config.eventStore.type === 'sqlite' && !existsSync(config.eventStore.filename)) {
    throw new ConfigurationError(`There is no event store at ${config.eventStore.filename} (set DATA_DIR or EVENT_STORE_SQLITE_FILE)`);
  }
  const store = await createEventStore(config.eventStore);
  const started = Date.now();
  let shown = started;
  try {
    const where = config.eventStore.type === 'sqlite' ? config.eventStore.filename : config.eventStore.type === 'postgres' ? 'the PostgreSQL event store' : 'EventStoreDB';
    console.log(`Verifying the hash chains of ${where}…`);
    const result = await verifyEventStore(store, {
      heads,
      acceptUnchainedHistory: config.eventStore.type === 'esdb',
      onProgress: ({ eventsChecked, headPosition, lastPosition }) => {
        if (Date.now() - shown < 1000) return;
        shown = Date.now();
        const percent = headPosition && lastPosition ? ` (${Math.min(100, Math.floor(Number((100n * lastPosition) / headPosition)))}%)` : '';
        console.log(`  ${eventsChecked} events checked${percent}, ${((shown - started) / 1000).toFixed(1)} s`);
      },
    });
    console.log(summary(result, (Date.now() - started) / 1000).join('\n'));
    return result.ok ? 0 : BROKEN;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigurationError ? `Configuration error: ${error.message}` : error);
    process.exit(1);
  },
);
