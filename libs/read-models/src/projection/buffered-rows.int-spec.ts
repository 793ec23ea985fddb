import { DataSource, EntityManager } from 'typeorm';
import { MeetingEntity } from '../meetings/meeting.entity';
import { TimelineEntryEntity } from '../timeline/timeline-entry.entity';
import { RoleGrantEntity } from '../users/role-grant.entity';
import { openReadDatabase } from '../read-database';
import { BufferedRows } from './buffered-rows';
import { describeOn, freshReadDatabase, READ_DATABASE_KINDS } from './history.fixture';

const meeting = (meetingId: string, changes: Partial<MeetingEntity> = {}): MeetingEntity => ({
  meetingId,
  planId: 'plan-a',
  meetingType: 'BOARD',
  date: '2026-01-15',
  title: `Board ${meetingId} — "quoted", it's {braced} \\ back-slashed`,
  closed: false,
  minutesReference: null,
  attendees: [],
  apologies: [],
  ...changes,
});

const entry = (position: bigint, actionId: string, revision: number): TimelineEntryEntity => ({
  position,
  actionId,
  revision,
  meetingId: null,
  eventType: 'ProgressReported',
  supersedesRevision: null,
  occurredAt: '2026-01-15T09:00:00.000Z',
  recordedAt: '2026-01-15T09:00:00.001Z',
  summary: 'Progress reported: Amber',
  changes: [{ field: 'rag', from: 'GREEN', to: 'AMBER' }],
  actorUserId: null,
  actorName: null,
  actorRole: null,
  correlationId: null,
});

for (const kind of READ_DATABASE_KINDS) {
  describeOn(kind)(`Buffered read-model writes on ${kind}`, () => {
    let dataSource: DataSource;
    let drop: () => Promise<void>;
    /** One batch: the writes are gathered by `work` and written in one transaction. */
    const batch = (work: (rows: BufferedRows, manager: EntityManager) => Promise<void> | void) =>
      dataSource.transaction(async (manager) => {
        const rows = new BufferedRows(manager);
        await work(rows, manager);
        await rows.flush();
      });
    const meetings = () => dataSource.getRepository(MeetingEntity).find({ order: { meetingId: 'ASC' } });

    beforeEach(async () => {
      const fresh = await freshReadDatabase(kind);
      drop = fresh.drop;
      dataSource = await openReadDatabase(fresh.config);
    });

    afterEach(async () => {
      await dataSource?.destroy();
      await drop?.();
    });

    it('writes rows that read back exactly as written: booleans, nulls, JSON, bigints, quotes', async () => {
      const rows = [meeting('m1', { closed: true, minutesReference: 'Minutes 1', attendees: [{ name: 'Chair', capacity: 'Chair' }] }), meeting('m2')];
      await batch((b) => b.insert(MeetingEntity, rows));
      expect(await meetings()).toEqual(rows);
      const entries = Array.from({ length: 1_200 }, (_, i) => entry(BigInt(i + 1) * 10_000_000_000n, `action-${i % 7}`, i));
      await batch((b) => b.insert(TimelineEntryEntity, entries));
      expect(await dataSource.getRepository(TimelineEntryEntity).find({ order: { position: 'ASC' } })).toEqual(entries);
    });

    it('merges an insert and later updates of one row into what the last write says', async () => {
      await batch(async (b) => {
        b.insert(MeetingEntity, meeting('m1'));
        b.update(MeetingEntity, { meetingId: 'm1' }, { attendees: [{ name: 'A', capacity: 'Chair' }] });
        b.update(MeetingEntity, { meetingId: 'm1' }, { closed: true });
        expect(await b.get(MeetingEntity, { meetingId: 'm1' })).toMatchObject({ closed: true, attendees: [{ name: 'A', capacity: 'Chair' }] });
      });
      expect(await meetings()).toEqual([meeting('m1', { closed: true, attendees: [{ name: 'A', capacity: 'Chair' }] })]);
    });

    it('updates stored rows by key, grouping rows that change the same columns, and ignores keys with no row', async () => {
      await batch((b) => b.insert(MeetingEntity, [meeting('m1'), meeting('m2'), meeting('m3')]));
      await batch(async (b) => {
        b.update(MeetingEntity, { meetingId: 'm1' }, { closed: true });
        b.update(MeetingEntity, { meetingId: 'm2' }, { closed: true });
        b.update(MeetingEntity, { meetingId: 'm3' }, { minutesReference: 'M3' });
        b.update(MeetingEntity, { meetingId: 'm3' }, { title: 'Renamed' });
        b.update(MeetingEntity, { meetingId: 'missing' }, { closed: true });
        // A read in the batch sees the stored row with the batch's changes.
        expect(await b.get(MeetingEntity, { meetingId: 'm3' })).toMatchObject({ minutesReference: 'M3', title: 'Renamed', closed: false });
      });
      expect(await meetings()).toEqual([meeting('m1', { closed: true }), meeting('m2', { closed: true }), meeting('m3', { minutesReference: 'M3', title: 'Renamed' })]);
    });

    it('replaces on upsert and removes on delete, in the order the batch gave them', async () => {
      const grant: RoleGrantEntity = { userId: 'u1', role: 'BOARD_MEMBER', localAreaId: 'area-1' };
      await batch((b) => b.upsert(RoleGrantEntity, [grant, { ...grant, role: 'ACTION_OWNER' }]));
      await batch((b) => {
        b.upsert(RoleGrantEntity, grant);
        b.delete(RoleGrantEntity, { ...grant, role: 'ACTION_OWNER' });
        b.delete(RoleGrantEntity, grant);
        b.upsert(RoleGrantEntity, grant); // revoked and granted again in one batch: still held
      });
      expect(await dataSource.getRepository(RoleGrantEntity).find()).toEqual([grant]);
      await batch((b) => b.upsert(MeetingEntity, meeting('m1', { title: 'First' })));
      await batch((b) => {
        b.delete(MeetingEntity, { meetingId: 'm1' });
        b.insert(MeetingEntity, meeting('m1', { title: 'Second' }));
      });
      expect(await meetings()).toEqual([meeting('m1', { title: 'Second' })]);
    });

    it('refuses a row inserted twice, and the failed batch writes nothing', async () => {
      await expect(
        batch((b) => {
          b.insert(MeetingEntity, meeting('m1'));
          b.insert(MeetingEntity, meeting('m1'));
        }),
      ).rejects.toThrow(/written twice/);
      await batch((b) => b.insert(MeetingEntity, meeting('m1')));
      await expect(batch((b) => b.insert(MeetingEntity, [meeting('m0'), meeting('m1')]))).rejects.toThrow();
      expect(await meetings()).toEqual([meeting('m1')]);
    });

    it('loads the rows a batch names with one query per table, and answers reads of them from memory with the batch’s changes laid over', async () => {
      await batch((b) => b.insert(MeetingEntity, [meeting('m1'), meeting('m2')]));
      const grant: RoleGrantEntity = { userId: 'u1', role: 'BOARD_MEMBER', localAreaId: 'area-1' };
      await batch((b) => b.insert(RoleGrantEntity, grant));

      await batch(async (b, manager) => {
        const query = jest.spyOn(manager, 'query');
        await b.load([
          { entity: MeetingEntity, key: { meetingId: 'm1' } },
          { entity: MeetingEntity, key: { meetingId: 'm2' } },
          { entity: MeetingEntity, key: { meetingId: 'missing' } },
          { entity: MeetingEntity, key: { meetingId: 'm1' } },
          { entity: RoleGrantEntity, key: grant },
          { entity: RoleGrantEntity, key: { ...grant, role: 'ACTION_OWNER' } },
        ]);
        expect(query).toHaveBeenCalledTimes(2);

        b.update(MeetingEntity, { meetingId: 'm1' }, { closed: true });
        expect(await b.get(MeetingEntity, { meetingId: 'm1' })).toEqual(meeting('m1', { closed: true }));
        expect(await b.get(MeetingEntity, { meetingId: 'm2' })).toEqual(meeting('m2'));
        expect(await b.find(MeetingEntity, { meetingId: 'missing' })).toBeUndefined();
        expect(await b.get(RoleGrantEntity, grant)).toEqual(grant);
        expect(await b.find(RoleGrantEntity, { ...grant, role: 'ACTION_OWNER' })).toBeUndefined();
        // Every answer came from what was loaded.
        expect(query).toHaveBeenCalledTimes(2);

        // A row not named up front is still read, by a query of its own, once in the batch.
        expect(await b.find(MeetingEntity, { meetingId: 'm9' })).toBeUndefined();
        expect(await b.find(MeetingEntity, { meetingId: 'm9' })).toBeUndefined();
        expect(query).toHaveBeenCalledTimes(3);
        query.mockRestore();
      });
      expect(await meetings()).toEqual([meeting('m1', { closed: true }), meeting('m2')]);
    });
  });
}
