import { UpcastingEventStore } from '@send/event-store';
import { DataSource } from 'typeorm';
import { ReadDatabaseConfig, openReadDatabase } from './read-database';
import { defaultProjections } from './default-projections';
import { ProjectionRunner } from './projection/projection-runner';

export interface RebuildProgress {
  events: number;
  total: number;
  elapsedMs: number;
}

export interface RebuildSummary {
  events: number;
  elapsedMs: number;
  eventsPerSecond: number;
}

/**
 * Drops every read-model table and replays the whole event store through the same projections
 * the live app runs. Stop the api first: a live runner would race the rebuild.
 */
export async function rebuildReadModels(
  store: UpcastingEventStore,
  config: ReadDatabaseConfig,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
  batchSize = 5000,
): Promise<RebuildSummary> {
  const started = Date.now();
  const head = await store.headPosition();
  const dataSource = await openReadDatabase(config, { dropSchema: true });
  try {
    await dropLookupIndexes(dataSource);
    const runner = new ProjectionRunner(store, dataSource, defaultProjections());
    await runner.loadCheckpoints();
    const total = Number(head ?? 0n);
    let count = 0;
    let after: bigint | undefined;
    for (;;) {
      const batch = await store.readAll({ after, maxCount: batchSize });
      if (batch.length === 0) break;
      await runner.applyBatch(batch);
      count += batch.length;
      after = batch[batch.length - 1].position;
      onProgress({ events: count, total, elapsedMs: Date.now() - started });
    }
    // Brings back every index the entities declare, each built once from sorted rows.
    await dataSource.synchronize(false);
    if (dataSource.options.type === 'postgres') await gatherStatistics(dataSource);
    const elapsedMs = Date.now() - started;
    return { events: count, elapsedMs, eventsPerSecond: count / Math.max(elapsedMs / 1000, 0.001) };
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Drops the indexes that only serve queries (not primary keys, not unique constraints) for the
 * length of a rebuild. Kept, each of the million events would insert into them one random page at
 * a time (an action's timeline is spread over the whole file); rebuilt at the end, each is one
 * sort. Projections look rows up only by primary key, so nothing they do needs them meanwhile. A
 * rebuild that dies part-way leaves them missing, and the next start's schema check recreates them.
 */
async function dropLookupIndexes(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    for (const entity of dataSource.entityMetadatas) {
      for (const index of entity.indices) {
        if (index.isUnique || index.name === undefined) continue;
        await runner.dropIndex(entity.tablePath, index.name);
      }
    }
  } finally {
    await runner.release();
  }
}

/**
 * PostgreSQL plans each query from its tables' statistics, and tables a rebuild has just filled
 * have none until autovacuum reaches them, a minute or more later. Meanwhile, at national scale,
 * one action's timeline was planned as a parallel scan of the whole table (40 ms instead of
 * 0.6 ms) and the national roll-up read every row (108 ms instead of 4 ms). VACUUM also marks
 * the pages all-visible, which the roll-up's index-only scans need. About 2 s for a million events.
 */
async function gatherStatistics(dataSource: DataSource): Promise<void> {
  await dataSource.query('VACUUM (ANALYZE)');
}
