import 'reflect-metadata';
import { SqliteEventStore, upcastOnRead } from '@send/event-store';
import { ReadDatabaseConfig } from '@send/read-models';
import { rebuildMeasured } from './rebuild-measured';
import { currentVersionOf } from '@send/domain';

/**
 * The rebuild phase in a process of its own (see rebuild-in-fresh-process.ts): the event store
 * file and the read database come as JSON in argv, the measured rebuild goes back over IPC.
 */
async function main(): Promise<void> {
  const { eventsFile, database } = JSON.parse(process.argv[2]) as { eventsFile: string; database: ReadDatabaseConfig };
  const store = upcastOnRead(new SqliteEventStore({ filename: eventsFile }), currentVersionOf);
  try {
    const measured = await rebuildMeasured(store, database);
    await new Promise<void>((resolve, reject) => process.send!(measured, (error: Error | null) => (error ? reject(error) : resolve())));
  } finally {
    await store.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
