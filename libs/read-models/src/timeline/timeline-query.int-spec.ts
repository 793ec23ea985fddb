import { DataSource } from 'typeorm';
import { currentVersionOf } from '@send/domain';
import { SqliteEventStore, upcastOnRead } from '@send/event-store';
import { InvalidCursorError } from '../actions/action-query';
import { defaultProjections } from '../default-projections';
import { describeOn, freshReadDatabase, ids, READ_DATABASE_KINDS, writeHistory } from '../projection/history.fixture';
import { ProjectionRunner } from '../projection/projection-runner';
import { openReadDatabase } from '../read-database';
import { TimelineEntryEntity } from './timeline-entry.entity';
import { findTimelinePage, TimelinePage, timelinePageOf } from './timeline-query';

for (const kind of READ_DATABASE_KINDS) {
  describeOn(kind)(`An action's timeline a page at a time, on ${kind}`, () => {
    const store = upcastOnRead(new SqliteEventStore({ filename: ':memory:', pollIntervalMs: 20 }), currentVersionOf);
    let dataSource: DataSource;
    let drop: () => Promise<void>;
    let whole: TimelineEntryEntity[];
    const actionId = ids.a['8.2'];

    beforeAll(async () => {
      const db = await freshReadDatabase(kind);
      drop = db.drop;
      dataSource = await openReadDatabase(db.config);
      const runner = new ProjectionRunner(store, dataSource, defaultProjections());
      await runner.start();
      await runner.waitForPosition((await writeHistory(store)).lastPosition);
      await runner.stop();
      whole = await dataSource.getRepository(TimelineEntryEntity).find({ where: { actionId }, order: { position: 'ASC' } });
    });

    afterAll(async () => {
      await store.close();
      await dataSource.destroy();
      await drop();
    });

    /** Every page from the newest, following each page's end cursor. */
    const walk = async (read: (after: string | null) => Promise<TimelinePage>) => {
      const pages: TimelinePage[] = [];
      let after: string | null = null;
      do {
        const page: TimelinePage = await read(after);
        pages.push(page);
        after = page.endCursor;
        if (!page.hasNextPage) break;
      } while (pages.length < 100);
      return pages;
    };

    it('reads from the database the pages the folded view gives, newest first, each line once', async () => {
      expect(whole.length).toBeGreaterThan(10);
      const stored = await walk((after) => findTimelinePage(dataSource, actionId, { first: 4, after }));
      const folded = await walk(async (after) => timelinePageOf(whole, { first: 4, after }));
      expect(stored).toEqual(folded);
      expect(stored.flatMap((p) => p.lines.map((l) => l.position))).toEqual(whole.map((l) => l.position).reverse());
      expect(stored.every((p) => p.totalCount === whole.length)).toBe(true);
    });

    it('refuses a cursor it did not issue', async () => {
      await expect(findTimelinePage(dataSource, actionId, { first: 4, after: 'YTowMDAwMDguMDAwMDAy' })).rejects.toBeInstanceOf(InvalidCursorError);
      expect(() => timelinePageOf(whole, { first: 4, after: 'bm90IGEgY3Vyc29y' })).toThrow(InvalidCursorError);
    });
  });
}
