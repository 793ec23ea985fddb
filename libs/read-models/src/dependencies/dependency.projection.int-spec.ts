import { DependencyCommand } from '@send/domain';
import { UpcastingEventStore } from '@send/event-store';
import { DataSource } from 'typeorm';
import { ActionEntity } from '../actions/action.entity';
import { PlanHistory, eventStoreStreamIndex } from '../as-at/plan-history';
import { describeOn, ids, PLAN_A, PROGRAMME_OFFICE, READ_DATABASE_KINDS } from '../projection/history.fixture';
import { ProjectionRunner } from '../projection/projection-runner';
import { projectedHistory } from '../risks/register-writer.fixture';
import { DependencyNetworkEntity } from './dependency-network.entity';
import { DependencyEntity } from './dependency.entity';
import { sendDependency } from './dependency-writer.fixture';

const declare = (ref: string, dependsOnRef: string, note: string): DependencyCommand => ({
  type: 'DeclareDependency',
  data: { planId: PLAN_A, actionId: ids.a[ref], dependsOnActionId: ids.a[dependsOnRef], note },
});

for (const kind of READ_DATABASE_KINDS) {
  describeOn(kind)(`The dependencies read model on ${kind}`, () => {
    let store: UpcastingEventStore;
    let dataSource: DataSource;
    let runner: ProjectionRunner;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ store, dataSource, runner, close } = await projectedHistory(kind));
      await sendDependency(store, declare('1.10', '1.9', 'Reporting follows the new terms of reference'), '2026-01-22', PROGRAMME_OFFICE);
      await sendDependency(store, declare('8.10', '8.9', 'The AI writer needs the funding model'), '2026-01-23', PROGRAMME_OFFICE);
      await sendDependency(store, declare('8.9', '8.2', 'Funding model sits inside the recovery plan'), '2026-01-24', PROGRAMME_OFFICE);
      const last = await sendDependency(store, { type: 'RemoveDependency', data: { planId: PLAN_A, actionId: ids.a['1.10'], dependsOnActionId: ids.a['1.9'], reason: 'Terms agreed' } }, '2026-01-25', PROGRAMME_OFFICE);
      await runner.waitForPosition(last.position!);
    });

    afterAll(() => close());

    it('keeps each dependency in force with both references, its note and when it was declared; a removed one is gone', async () => {
      const rows = await dataSource.getRepository(DependencyEntity).find({ order: { declaredRevision: 'ASC' } });
      expect(rows).toEqual([
        { planId: PLAN_A, actionId: ids.a['8.10'], actionRef: '8.10', dependsOnActionId: ids.a['8.9'], dependsOnRef: '8.9', note: 'The AI writer needs the funding model', declaredAt: '2026-01-23T10:00:00.000Z', declaredRevision: 1 },
        { planId: PLAN_A, actionId: ids.a['8.9'], actionRef: '8.9', dependsOnActionId: ids.a['8.2'], dependsOnRef: '8.2', note: 'Funding model sits inside the recovery plan', declaredAt: '2026-01-24T10:00:00.000Z', declaredRevision: 2 },
      ]);
      expect(await dataSource.getRepository(DependencyNetworkEntity).find()).toEqual([{ planId: PLAN_A, revision: 3 }]);
    });

    it('keeps the due date an action was added with beside the one in force', async () => {
      expect(await dataSource.getRepository(ActionEntity).findOneByOrFail({ actionId: ids.a['8.2'] })).toMatchObject({ dueDate: '2026-03-31', originalDueDate: '2026-01-31' });
      expect(await dataSource.getRepository(ActionEntity).findOneByOrFail({ actionId: ids.a['8.9'] })).toMatchObject({ dueDate: '2026-01-31', originalDueDate: '2026-01-31' });
    });

    it('folds from the event store the rows the projection holds, and the network as it stood at earlier instants', async () => {
      const history = new PlanHistory(eventStoreStreamIndex(store), store);
      const [now, afterTwo, before] = await history.viewsAt(PLAN_A, ['9999-12-31T23:59:59.999Z', '2026-01-23T23:59:59.999Z', '2026-01-21T23:59:59.999Z']);
      const plain = <T extends object>(rows: T[]) => rows.map((r) => ({ ...r }));
      expect(plain(now!.dependencies)).toEqual(plain(await dataSource.getRepository(DependencyEntity).find({ order: { declaredRevision: 'ASC' } })));
      expect(now!.dependencyRevision).toBe(3);
      expect(afterTwo!.dependencies.map((d) => `${d.actionRef}→${d.dependsOnRef}`)).toEqual(['1.10→1.9', '8.10→8.9']);
      expect(afterTwo!.dependencyRevision).toBe(1);
      expect(before!.dependencies).toEqual([]);
      expect(before!.dependencyRevision).toBeNull();
      expect(now!.actions.find((a) => a.ref === '8.2')).toMatchObject({ dueDate: '2026-03-31', originalDueDate: '2026-01-31' });
    });
  });
}
