import { DataSource } from 'typeorm';
import { addDays, currentVersionOf } from '@send/domain';
import { SqliteEventStore, upcastOnRead } from '@send/event-store';
import { ActionFilter, findActions, InvalidCursorError } from './actions/action-query';
import { ActionEntity } from './actions/action.entity';
import { PlanEntity } from './plans/plan.entity';
import { rollUp } from './plans/rag-roll-up';
import { openReadDatabase, ReadDatabaseConfig } from './read-database';
import { defaultProjections } from './default-projections';
import {
  checkpointsOf,
  describeOn,
  freshReadDatabase,
  ids,
  indexesOf,
  PEOPLE,
  PLAN_A,
  PLAN_B,
  READ_DATABASE_KINDS,
  snapshotTables,
  TableSnapshot,
  TODAY,
  writeHistory,
} from './projection/history.fixture';
import { ProjectionRunner } from './projection/projection-runner';
import { RebuildProgress, rebuildReadModels } from './rebuild-read-models';

// One store feeds both databases, so their rows can be compared with each other too.
const store = upcastOnRead(new SqliteEventStore({ filename: ':memory:', pollIntervalMs: 20 }), currentVersionOf);
let eventCount = 0;

beforeAll(async () => {
  await writeHistory(store);
  eventCount = (await store.readAll()).length;
});

afterAll(() => store.close());

/** Plan A's actions in plan order: 1.10 after 1.9 and 8.10 after 8.9. */
const PLAN_A_ORDER = ['1.9', '1.10', '5.6', '6.1', '6.3', '8.2', '8.9', '8.10'];

for (const kind of READ_DATABASE_KINDS) {
  describeOn(kind)(`rebuildReadModels on ${kind}`, () => {
    let config: ReadDatabaseConfig;
    let drop: () => Promise<void>;
    let dataSource: DataSource;
    let staleAfterDays: number;
    const clock = (today = TODAY) => ({ today, staleAfterDays });
    const refs = (rows: ActionEntity[]) => rows.map((a) => a.ref);
    const query = (filter: ActionFilter, today = TODAY) => findActions(dataSource, PLAN_A, filter, { first: 50 }, clock(today));

    beforeAll(async () => {
      ({ config, drop } = await freshReadDatabase(kind));
      dataSource = await openReadDatabase(config);
      const runner = new ProjectionRunner(store, dataSource, defaultProjections());
      await runner.start();
      await runner.waitForPosition((await store.headPosition())!);
      await runner.stop();
      staleAfterDays = (await dataSource.getRepository(PlanEntity).findOneByOrFail({ planId: PLAN_A })).staleAfterDays;
    });

    afterAll(async () => {
      await dataSource.destroy();
      await drop();
    });

    it('rebuilds exactly the rows the live runner built, whatever the tables held before', async () => {
      const live = await snapshotTables(dataSource);
      const liveIndexes = await indexesOf(dataSource);
      // Damage the read models: a rebuild must start from empty tables, not trust them.
      await dataSource.getRepository(ActionEntity).update({ actionId: ids.a['8.2'] }, { rag: 'RED', revision: 99 });
      await dataSource.query(`DELETE FROM "timeline_entries" WHERE "revision" = 0`);

      const progress: RebuildProgress[] = [];
      const summary = await rebuildReadModels(store, config, (p) => progress.push(p), 7);

      expect(summary.events).toBe(eventCount);
      expect(progress).toHaveLength(Math.ceil(eventCount / 7));
      expect(progress[progress.length - 1]).toMatchObject({ events: eventCount, total: eventCount });
      const after = await snapshotTables(dataSource);
      expect(after).toEqual(live);
      expect(new Set(Object.values(await checkpointsOf(dataSource)))).toEqual(new Set([String(await store.headPosition())]));
      // The lookup indexes a rebuild sets aside while it writes are all back, as declared.
      expect(liveIndexes.filter((d) => /INDEX "IDX_/.test(d)).length).toBeGreaterThan(5);
      expect(await indexesOf(dataSource)).toEqual(liveIndexes);
    });

    if (kind === 'postgres') {
      it('leaves PostgreSQL with fresh statistics for every table it filled, so queries are planned from them at once', async () => {
        await rebuildReadModels(store, config);

        const tables = (await dataSource.query(
          `SELECT relname, n_live_tup, last_vacuum, last_analyze FROM pg_stat_user_tables WHERE relname IN ('actions', 'timeline_entries', 'evidence')`,
        )) as { relname: string; n_live_tup: string; last_vacuum: Date | null; last_analyze: Date | null }[];
        expect(tables.map((t) => t.relname).sort()).toEqual(['actions', 'evidence', 'timeline_entries']);
        for (const table of tables) {
          expect(table).toMatchObject({ last_vacuum: expect.any(Date), last_analyze: expect.any(Date) });
          expect(Number(table.n_live_tup)).toBeGreaterThan(0);
        }
      });
    }

    it.each<[string, ActionFilter, string[]]>([
      ['area 8', { areaNumber: 8 }, ['8.2', '8.9', '8.10']],
      ['area 1', { areaNumber: 1 }, ['1.9', '1.10']],
      ['priority 7', { priorityNumber: 7 }, ['1.9', '1.10', '8.2', '8.9']],
      ['priority 2', { priorityNumber: 2 }, ['8.9']],
      ['RAG red', { rag: 'RED' }, ['1.9']],
      ['RAG not yet rated', { rag: 'NOT_YET_RATED' }, ['5.6', '6.3']],
      ['RAG blue', { rag: 'BLUE' }, ['8.2']],
      ['status open', { status: 'OPEN' }, ['1.9', '1.10', '6.3', '8.9', '8.10']],
      ['status superseded', { status: 'SUPERSEDED' }, ['6.1']],
      ['owner: the director', { ownerId: PEOPLE.director.ownerId }, ['1.9', '1.10', '8.2']],
      ['owner: the finance lead, reassigned away', { ownerId: PEOPLE.finance.ownerId }, []],
      ['overdue', { overdue: true }, ['1.9', '8.9']],
      ['not overdue', { overdue: false }, ['1.10', '5.6', '6.1', '6.3', '8.2', '8.10']],
      ['stale', { stale: true }, ['1.9', '6.3', '8.10']],
      ['not stale', { stale: false }, ['1.10', '5.6', '6.1', '8.2', '8.9']],
      ['area 8 and overdue', { areaNumber: 8, overdue: true }, ['8.9']],
      ['ref 8.2', { ref: '8.2' }, ['8.2']],
      ['ref 1.1, which is neither 1.10 nor 1.9', { ref: '1.1' }, []],
      ['ref 8.10 and open', { ref: '8.10', status: 'OPEN' }, ['8.10']],
      ['ref 8.2 in area 1', { ref: '8.2', areaNumber: 1 }, []],
      ['among 8.9 and 1.10', { among: { ids: [ids.a['8.9'], ids.a['1.10'], ids.b['4.1']], inside: true } }, ['1.10', '8.9']],
      ['all but 8.9 and 1.10', { among: { ids: [ids.a['8.9'], ids.a['1.10']], inside: false } }, ['1.9', '5.6', '6.1', '6.3', '8.2', '8.10']],
      ['among none', { among: { ids: [], inside: true } }, []],
      ['all but none, and open', { among: { ids: [], inside: false }, status: 'OPEN' }, ['1.9', '1.10', '6.3', '8.9', '8.10']],
    ])('findActions filtered by %s', async (_label, filter, expected) => {
      const page = await query(filter);
      expect(refs(page.actions)).toEqual(expected);
      expect(page.totalCount).toBe(expected.length);
      expect(page.hasNextPage).toBe(false);
      if (expected.length === 0) expect(page.endCursor).toBeNull();
    });

    it('keeps each plan to its own actions', async () => {
      const page = await findActions(dataSource, PLAN_B, { priorityNumber: 7 }, { first: 10 }, clock());
      expect(page.actions.map((a) => a.actionId)).toEqual([ids.b['8.2']]);
    });

    it('pages through the plan two at a time in plan order, with no gaps or repeats', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      for (;;) {
        const page = await findActions(dataSource, PLAN_A, {}, { first: 2, after }, clock());
        pages += 1;
        expect(page.totalCount).toBe(8);
        expect(page.actions.length).toBeLessThanOrEqual(2);
        seen.push(...refs(page.actions));
        if (!page.hasNextPage) break;
        after = page.endCursor!;
      }
      expect(pages).toBe(4);
      expect(seen).toEqual(PLAN_A_ORDER);
    });

    it('pages a filtered list and counts only what the filter keeps', async () => {
      const first = await findActions(dataSource, PLAN_A, { status: 'OPEN' }, { first: 2 }, clock());
      const second = await findActions(dataSource, PLAN_A, { status: 'OPEN' }, { first: 2, after: first.endCursor! }, clock());
      const third = await findActions(dataSource, PLAN_A, { status: 'OPEN' }, { first: 2, after: second.endCursor! }, clock());
      expect([first, second, third].map((p) => [refs(p.actions), p.totalCount, p.hasNextPage])).toEqual([
        [['1.9', '1.10'], 5, true],
        [['6.3', '8.9'], 5, true],
        [['8.10'], 5, false],
      ]);
    });

    it('refuses a cursor it did not issue', async () => {
      const forged = Buffer.from('offset:4').toString('base64url');
      for (const after of ['not-a-cursor', forged]) {
        await expect(findActions(dataSource, PLAN_A, {}, { first: 2, after }, clock())).rejects.toBeInstanceOf(InvalidCursorError);
      }
    });

    it('rolls up the plan: withdrawn and superseded actions are counted apart', async () => {
      const actions = await dataSource.getRepository(ActionEntity).findBy({ planId: PLAN_A });
      expect(rollUp(actions, TODAY, staleAfterDays)).toEqual({
        total: 6,
        notYetRated: 1,
        red: 1,
        amber: 1,
        green: 2,
        blue: 1,
        withdrawn: 1,
        superseded: 1,
        percentComplete: 16.7,
        overdue: 2,
        stale: 3,
      });
    });

    it('agrees with the filters at the boundaries: due today is not overdue, exactly stale-after days is not stale', async () => {
      // 8.9 is due 2026-01-31 and was last updated on 2026-01-05.
      const action = await dataSource.getRepository(ActionEntity).findOneByOrFail({ actionId: ids.a['8.9'] });
      expect(rollUp([action], action.dueDate, staleAfterDays).overdue).toBe(0);
      expect(rollUp([action], addDays(action.dueDate, 1), staleAfterDays).overdue).toBe(1);
      expect(refs((await query({ overdue: true }, action.dueDate)).actions)).not.toContain('8.9');
      expect(refs((await query({ overdue: true }, addDays(action.dueDate, 1))).actions)).toContain('8.9');

      const exactly = addDays(action.lastUpdatedOn, staleAfterDays);
      const dayAfter = addDays(exactly, 1);
      expect(rollUp([action], exactly, staleAfterDays).stale).toBe(0);
      expect(rollUp([action], dayAfter, staleAfterDays).stale).toBe(1);
      expect(refs((await query({ stale: true }, exactly)).actions)).not.toContain('8.9');
      expect(refs((await query({ stale: true }, dayAfter)).actions)).toContain('8.9');
    });
  });
}

describeOn('postgres')('SQLite and PostgreSQL read models', () => {
  // Builds both itself, so it holds when run alone or in any order.
  it('hold the same rows after a rebuild from the same events', async () => {
    const snapshots: Partial<Record<string, TableSnapshot>> = {};
    for (const kind of ['sqlite', 'postgres'] as const) {
      const { config, drop } = await freshReadDatabase(kind);
      try {
        await rebuildReadModels(store, config);
        const dataSource = await openReadDatabase(config);
        try {
          snapshots[kind] = await snapshotTables(dataSource);
        } finally {
          await dataSource.destroy();
        }
      } finally {
        await drop();
      }
    }
    expect(snapshots.sqlite!.actions.length).toBeGreaterThan(0);
    expect(snapshots.postgres).toEqual(snapshots.sqlite);
  });
});
