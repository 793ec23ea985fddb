import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { OwnerEntity } from './owners/owner.entity';
import { describeOn, freshReadDatabase, indexesOf, READ_DATABASE_KINDS } from './projection/history.fixture';
import { ProjectionCheckpointEntity } from './projection/projection-checkpoint.entity';
import { ReadModelSchemaEntity } from './projection/read-model-schema.entity';
import { openReadDatabase, READ_MODEL_SCHEMA_VERSION, ReadDatabaseConfig } from './read-database';

for (const kind of READ_DATABASE_KINDS) {
  describeOn(kind)(`The read database on ${kind}`, () => {
    let config: ReadDatabaseConfig;
    let drop: () => Promise<void>;
    const open: DataSource[] = [];
    const reopen = async (onSchemaReset?: (from: number | undefined) => void) => {
      const dataSource = await openReadDatabase(config, { onSchemaReset });
      open.push(dataSource);
      return dataSource;
    };

    beforeEach(async () => {
      ({ config, drop } = await freshReadDatabase(kind));
    });

    afterEach(async () => {
      for (const dataSource of open.splice(0)) if (dataSource.isInitialized) await dataSource.destroy();
      await drop();
    });

    it('keeps its rows across opens while the schema version is current', async () => {
      const first = await reopen();
      await first.getRepository(ProjectionCheckpointEntity).save({ name: 'actions', position: 42n });
      await first.destroy();
      const reset = jest.fn();
      const second = await reopen(reset);
      expect(await second.getRepository(ProjectionCheckpointEntity).findOneBy({ name: 'actions' })).toMatchObject({ position: 42n });
      expect(reset).not.toHaveBeenCalled();
    });

    it('empties read models built by another schema version, so the projections replay everything', async () => {
      const first = await reopen();
      await first.getRepository(ProjectionCheckpointEntity).save({ name: 'actions', position: 42n });
      await first.getRepository(ReadModelSchemaEntity).save({ id: 1, version: READ_MODEL_SCHEMA_VERSION - 1 });
      await first.destroy();
      const reset = jest.fn();
      const second = await reopen(reset);
      expect(reset).toHaveBeenCalledWith(READ_MODEL_SCHEMA_VERSION - 1);
      expect(await second.getRepository(ProjectionCheckpointEntity).count()).toBe(0);
      expect(await second.getRepository(ReadModelSchemaEntity).findOneBy({ id: 1 })).toEqual({ id: 1, version: READ_MODEL_SCHEMA_VERSION });
    });

    it('puts back an index that is missing, as a rebuild that died part-way leaves its lookup indexes', async () => {
      const first = await reopen();
      const declared = await indexesOf(first);
      const lookup = first.getMetadata('TimelineEntryEntity').indices.find((i) => !i.isUnique)!;
      await first.query(`DROP INDEX "${lookup.name}"`);
      expect(await indexesOf(first)).toHaveLength(declared.length - 1);
      await first.getRepository(ProjectionCheckpointEntity).save({ name: 'timeline', position: 9n });
      await first.destroy();

      const second = await reopen();

      expect(await indexesOf(second)).toEqual(declared);
      expect(await second.getRepository(ProjectionCheckpointEntity).findOneBy({ name: 'timeline' })).toMatchObject({ position: 9n });
    });

    it('treats tables from before schema versioning as stale', async () => {
      const first = await reopen();
      await first.getRepository(ProjectionCheckpointEntity).save({ name: 'actions', position: 7n });
      await first.query('DROP TABLE "read_model_schema"');
      await first.destroy();
      const reset = jest.fn();
      const second = await reopen(reset);
      expect(reset).toHaveBeenCalledWith(0);
      expect(await second.getRepository(ProjectionCheckpointEntity).count()).toBe(0);
    });
  });
}

describe('The read database in a SQLite file', () => {
  let config: ReadDatabaseConfig & { type: 'sqlite' };
  let drop: () => Promise<void>;
  let dataSource: DataSource | undefined;
  const fileSize = () => statSync(config.filename).size;

  beforeEach(async () => {
    const fresh = await freshReadDatabase('sqlite');
    config = fresh.config as ReadDatabaseConfig & { type: 'sqlite' };
    drop = fresh.drop;
  });

  afterEach(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await drop();
  });

  const manyOwners = () => Array.from({ length: 300 }, (_, i) => ({ planId: 'plan', ownerId: `owner-${i}`, name: 'n'.repeat(1800), role: 'Service lead', organisation: 'Council' }));

  it('copies the write-ahead log into the file on a background thread, so no projection batch has to in its commit', async () => {
    dataSource = await openReadDatabase(config);
    expect(await dataSource.query('PRAGMA wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: 10_000 }]);
    const before = fileSize();

    // About 150 pages: far below SQLite's own threshold of 1,000, so only the background thread can copy them.
    await dataSource.getRepository(OwnerEntity).insert(manyOwners());

    await waitFor(() => fileSize() >= before + 300 * 1800);
    expect(await dataSource.getRepository(OwnerEntity).count()).toBe(300);
  });

  it('ends the checkpoint thread when closed, leaving every row in the file and no log behind', async () => {
    dataSource = await openReadDatabase(config);
    const before = fileSize();
    await dataSource.getRepository(OwnerEntity).insert(manyOwners());
    // The thread has its own connection open once it has checkpointed; SQLite removes the log only when the last connection closes.
    await waitFor(() => fileSize() >= before + 300 * 1800);

    await dataSource.destroy();

    expect(existsSync(`${config.filename}-wal`)).toBe(false);
    dataSource = await openReadDatabase(config);
    expect(await dataSource.getRepository(OwnerEntity).count()).toBe(300);
  });

  it('commits again once the disk has room, after transactions failed on a full one', async () => {
    dataSource = await openReadDatabase(config);
    const write = (ownerId: string) => dataSource!.transaction((manager) => manager.insert(OwnerEntity, { ...manyOwners()[0], ownerId, name: 'n'.repeat(100_000) }));
    const committed = (ownerId: string) => {
      const other = new Database(config.filename, { readonly: true });
      try {
        return other.prepare('SELECT COUNT(*) AS n FROM owners WHERE "ownerId" = ?').get(ownerId);
      } finally {
        other.close();
      }
    };
    // A full disk, as SQLite sees one: no page may be added. SQLite rolls each failing transaction back itself.
    const [{ page_count: pages }] = await dataSource.query('PRAGMA page_count');
    await dataSource.query(`PRAGMA max_page_count = ${pages}`);
    await expect(write('while-full-1')).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    await expect(write('while-full-2')).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    await dataSource.query('PRAGMA max_page_count = 1073741823');
    // Then an ordinary refusal that leaves SQLite's transaction open: another process holds the write lock.
    await dataSource.query('PRAGMA busy_timeout = 50');
    const holder = new Database(config.filename);
    holder.prepare('BEGIN IMMEDIATE').run();
    await expect(write('while-locked')).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    holder.prepare('ROLLBACK').run();
    holder.close();

    await write('after');

    // Committed to the file, not only visible inside this connection's own transaction.
    expect(committed('after')).toEqual({ n: 1 });
    expect(committed('while-full-1')).toEqual({ n: 0 });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
