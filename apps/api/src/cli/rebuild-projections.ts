import 'reflect-metadata';
import { rebuildReadModels } from '@send/read-models';
import { ConfigurationError, loadAppConfig } from '../config/app-config';
import { createEventStore } from '../infrastructure/event-store.provider';

/**
 * `npm run projections:rebuild`: drops the read models and replays every event into them.
 * Stop the api first; it would otherwise project the same events at the same time.
 */
async function main(): Promise<void> {
  const config = loadAppConfig();
  const store = await createEventStore(config.eventStore);
  const target = config.readDatabase.type === 'sqlite' ? config.readDatabase.filename : 'PostgreSQL (READ_DATABASE_URL)';
  console.log(`Rebuilding read models in ${target} from the ${config.eventStore.type} event store…`);
  let lastShown = 0;
  try {
    const summary = await rebuildReadModels(store, config.readDatabase, ({ events, total, elapsedMs }) => {
      if (elapsedMs - lastShown < 1000 && events < total) return;
      lastShown = elapsedMs;
      const percent = total > 0 ? Math.min(100, Math.floor((100 * events) / total)) : 100;
      console.log(`  ${events} events replayed (${percent}%), ${(elapsedMs / 1000).toFixed(1)} s`);
    });
    console.log(
      `Done: ${summary.events} events replayed in ${(summary.elapsedMs / 1000).toFixed(2)} s ` +
        `(${Math.round(summary.eventsPerSecond)} events/s). Read models are current.`,
    );
  } finally {
    await store.close();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigurationError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
