import { DataSource } from 'typeorm';
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
