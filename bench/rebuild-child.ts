import 'reflect-metadata';
import { SqliteEventStore, upcastOnRead, UpcastingEventStore } from '@send/event-store';
import { ReadDatabaseConfig } from '@send/read-models';
import { MeasuredRebuild, rebuildMeasured } from './rebuild-measured';
import { currentVersionOf } from '@send/domain';
import { createEventStore } from '../apps/api/src/infrastructure/event-store.provider';
import { RebuildStore } from './rebuild-in-fresh-process';

/**
 * The rebuild phase in a process of its own (see rebuild-in-fresh-process.ts): the event store
 * file and the read database come as JSON in argv, the measured rebuild goes back over IPC.
 */
async function main(): Promise<void> {
  const { eventsFile, database, through } = JSON.parse(process.argv[2]) as { eventsFile: string; database: ReadDatabaseConfig; through?: RebuildStore };
  // `verifying` is the store `npm run projections:rebuild` reads through; `bare` the adapter with only the upcasting reader.
  const store: UpcastingEventStore =
    through === 'verifying' ? await createEventStore({ type: 'sqlite', filename: eventsFile }) : upcastOnRead(new SqliteEventStore({ filename: eventsFile }), currentVersionOf);
  try {
    const cpu = process.cpuUsage();
    const rebuilt = await rebuildMeasured(store, database);
    const used = process.cpuUsage(cpu);
    const measured: MeasuredRebuild = { ...rebuilt, cpuMicrosPerEvent: (used.user + used.system) / Math.max(1, rebuilt.events) };
    await new Promise<void>((resolve, reject) => process.send!(measured, (error: Error | null) => (error ? reject(error) : resolve())));
  } finally {
    await store.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
