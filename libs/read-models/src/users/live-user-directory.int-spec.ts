import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { currentVersionOf, UserEvent } from '@send/domain';
import { SqliteEventStore, upcastOnRead } from '@send/event-store';
import { defaultProjections } from '../default-projections';
import { describeOn, freshReadDatabase, READ_DATABASE_KINDS } from '../projection/history.fixture';
import { ProjectionRunner } from '../projection/projection-runner';
import { openReadDatabase } from '../read-database';
import { LiveUserDirectory } from './live-user-directory';

const PEOPLE = ['finance-lead', 'send-ap-lead', 'adviser', 'never-registered'];

for (const kind of READ_DATABASE_KINDS) {
  describeOn(kind)(`LiveUserDirectory on ${kind}`, () => {
    const store = upcastOnRead(new SqliteEventStore({ filename: ':memory:', pollIntervalMs: 20 }), currentVersionOf);
    const append = (...events: UserEvent[]) =>
      store.appendToStream(
        `user-${events[0].data.userId}`,
        events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data, metadata: { schemaVersion: 1, occurredAt: '2026-01-05T09:00:00.000Z' } })),
        'any',
      );
    let dataSource: DataSource;
    let drop: () => Promise<void>;
    const running: LiveUserDirectory[] = [];
    const started = async () => {
      const directory = new LiveUserDirectory(store, dataSource);
      running.push(directory);
      await directory.start();
      return directory;
    };

    beforeAll(async () => {
      const db = await freshReadDatabase(kind);
      drop = db.drop;
      dataSource = await openReadDatabase(db.config);
    });

    afterAll(async () => {
      for (const directory of running) await directory.stop();
      await store.close();
      await dataSource.destroy();
      await drop();
    });

    it('gives each person the same roles whether loaded from the projected rows or folded from every event', async () => {
      await append(
        { type: 'UserRegistered', data: { userId: 'finance-lead', displayName: 'Finance Lead – High Needs', ownerId: 'owner-finance' } },
        { type: 'UserEmailChanged', data: { userId: 'finance-lead', email: 'Finance.Lead@Council.example' } },
        { type: 'RoleGranted', data: { userId: 'finance-lead', role: 'PLAN_ADMINISTRATOR', localAreaId: 'west' } },
        { type: 'RoleGranted', data: { userId: 'finance-lead', role: 'ACTION_OWNER', localAreaId: 'east' } },
        { type: 'RoleGranted', data: { userId: 'finance-lead', role: 'BOARD_MEMBER', localAreaId: 'east' } },
        { type: 'RoleGranted', data: { userId: 'finance-lead', role: 'BOARD_MEMBER', localAreaId: 'east' } },
        { type: 'RoleRevoked', data: { userId: 'finance-lead', role: 'ACTION_OWNER', localAreaId: 'east' } },
      );
      await append(
        { type: 'UserRegistered', data: { userId: 'send-ap-lead', displayName: 'SEND and AP Lead', ownerId: null } },
        { type: 'UserOwnerLinked', data: { userId: 'send-ap-lead', ownerId: 'owner-send-ap' } },
        { type: 'RoleGranted', data: { userId: 'send-ap-lead', role: 'ACTION_OWNER', localAreaId: 'east' } },
        { type: 'RoleRevoked', data: { userId: 'send-ap-lead', role: 'ACTION_OWNER', localAreaId: 'east' } },
      );
      await append({ type: 'RoleGranted', data: { userId: 'never-registered', role: 'BOARD_CHAIR', localAreaId: 'east' } });
      const { position } = await append(
        { type: 'UserRegistered', data: { userId: 'adviser', displayName: 'DfE SEND adviser', ownerId: null } },
        { type: 'RoleGranted', data: { userId: 'adviser', role: 'DFE_ADVISER', localAreaId: 'east' } },
        { type: 'UserEmailChanged', data: { userId: 'adviser', email: 'finance.lead@council.example' } },
        { type: 'UserEmailChanged', data: { userId: 'adviser', email: null } },
      );

      const folded = await started();
      await folded.waitForPosition(position);
      const runner = new ProjectionRunner(store, dataSource, defaultProjections());
      await runner.start();
      await runner.waitForPosition(position);
      await runner.stop();
      const loaded = await started();
      expect(loaded.position).toBe(position);

      const principals = (directory: LiveUserDirectory) => PEOPLE.map((userId) => directory.current.principal(userId));
      expect(principals(loaded)).toEqual(principals(folded));
      expect(principals(folded)).toEqual([
        {
          userId: 'finance-lead',
          displayName: 'Finance Lead – High Needs',
          ownerId: 'owner-finance',
          grants: [
            { role: 'BOARD_MEMBER', localAreaId: 'east' },
            { role: 'PLAN_ADMINISTRATOR', localAreaId: 'west' },
          ],
        },
        { userId: 'send-ap-lead', displayName: 'SEND and AP Lead', ownerId: 'owner-send-ap', grants: [] },
        { userId: 'adviser', displayName: 'DfE SEND adviser', ownerId: null, grants: [{ role: 'DFE_ADVISER', localAreaId: 'east' }] },
        { userId: 'never-registered', displayName: 'never-registered', ownerId: null, grants: [] },
      ]);
      for (const directory of [loaded, folded]) expect(directory.current.userIdsWithEmail('FINANCE.lead@council.example')).toEqual(['finance-lead']);
    });

    it('follows a revoke appended after it loaded, and says when it includes it', async () => {
      const directory = await started();
      expect(directory.current.principal('adviser').grants).toEqual([{ role: 'DFE_ADVISER', localAreaId: 'east' }]);
      const { position } = await append({ type: 'RoleRevoked', data: { userId: 'adviser', role: 'DFE_ADVISER', localAreaId: 'east' } });
      await directory.waitForPosition(position);
      expect(directory.current.principal('adviser').grants).toEqual([]);
    });
  });
}
