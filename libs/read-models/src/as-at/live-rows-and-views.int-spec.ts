import { DataSource } from 'typeorm';
import { SqliteEventStore, upcastOnRead } from '@send/event-store';
import { ActionPriorityEntity } from '../actions/action-priority.entity';
import { ActionEntity } from '../actions/action.entity';
import { defaultProjections } from '../default-projections';
import { MilestoneEntity } from '../milestones/milestone.entity';
import { PlanAreaEntity } from '../plans/plan-area.entity';
import { PlanPriorityEntity } from '../plans/plan-priority.entity';
import { PlanEntity } from '../plans/plan.entity';
import { UpdateRoundEntity } from '../plans/update-round.entity';
import { describeOn, freshReadDatabase, ids, PEOPLE, PLAN_A, PLAN_B, PROGRAMME_OFFICE, READ_DATABASE_KINDS, writeHistory } from '../projection/history.fixture';
import { ProjectionRunner } from '../projection/projection-runner';
import { openReadDatabase } from '../read-database';
import { eventStoreStreamIndex, PlanHistory } from './plan-history';
import { PlanView } from './plan-view';
import { currentVersionOf } from '@send/domain';

/**
 * The live projections and the as-at view fold the same events through the same functions, so at
 * the end of the history the view holds exactly the rows the read database holds, on both databases.
 * The shared history gains what it lacks here: corrections in force and not, a chain of them,
 * delegation, an update round.
 */
const store = upcastOnRead(new SqliteEventStore({ filename: ':memory:', pollIntervalMs: 20 }), currentVersionOf);
const END = '2100-01-01T00:00:00.000Z';
const director = { userId: 'director', displayName: PEOPLE.director.name, role: 'action-owner' };
const at = (day: string) => `${day}T10:00:00.000Z`;
let views: PlanView[];

/** The revision of the update an action reported as at a day. */
async function reportedAt(actionId: string, asAt: string): Promise<number> {
  const events = await store.readStream(`action-${actionId}`);
  const event = events.find((e) => e.type === 'ProgressReported' && (e.data as { asAt: string }).asAt === asAt);
  return Number(event!.revision);
}

beforeAll(async () => {
  const { writer } = await writeHistory(store);
  const correct = async (actionId: string, supersedesRevision: number, rag: 'RED' | 'AMBER' | 'GREEN', asAt: string, day: string) =>
    writer.action({ type: 'CorrectProgress', data: { actionId, supersedesRevision, rag, commentary: `Corrected to ${rag}`, asAt, reason: 'Wrong quarter' } }, at(day), director);
  // 1.10's December update is no longer in force (January's is): its correction leaves the rating.
  await correct(ids.a['1.10'], await reportedAt(ids.a['1.10'], '2025-12-10'), 'RED', '2025-12-10', '2026-01-22');
  // 8.10's only update is in force: its correction, then a correction of that, each take its place.
  await correct(ids.a['8.10'], await reportedAt(ids.a['8.10'], '2025-12-20'), 'AMBER', '2025-12-20', '2026-01-22');
  const corrected = Number((await store.readStream(`action-${ids.a['8.10']}`)).at(-1)!.revision);
  await correct(ids.a['8.10'], corrected, 'RED', '2025-12-20', '2026-01-23');
  const delegate = (delegateUserId: string, delegateName: string, day: string) =>
    writer.action({ type: 'DelegateAction', data: { actionId: ids.a['1.9'], delegateUserId, delegateName } }, at(day), director);
  await delegate('sam', 'Sam Okafor', '2026-01-23');
  await delegate('priya', 'Priya Shah', '2026-01-24');
  await writer.action({ type: 'WithdrawDelegation', data: { actionId: ids.a['1.9'], delegateUserId: 'sam' } }, at('2026-01-25'), director);
  await writer.plan({ type: 'OpenUpdateRound', data: { planId: PLAN_A, roundId: 'round-jan', title: 'January round', deadline: '2026-01-31' } }, at('2026-01-24'), PROGRAMME_OFFICE);
  await writer.plan({ type: 'CloseUpdateRound', data: { planId: PLAN_A, roundId: 'round-jan' } }, at('2026-01-26'), PROGRAMME_OFFICE);
  const history = new PlanHistory(eventStoreStreamIndex(store), store);
  views = (await Promise.all([PLAN_A, PLAN_B].map((planId) => history.viewAt(planId, END)))).map((v) => v!);
});

afterAll(() => store.close());

/** The columns of an entity that a view holds, taken from the view. */
function columnsOf<T extends object>(dataSource: DataSource, entity: new () => T, view: object): Partial<T> {
  const columns = dataSource.getMetadata(entity).columns.map((c) => c.propertyName);
  return Object.fromEntries(columns.map((c) => [c, (view as Record<string, unknown>)[c]])) as Partial<T>;
}

describe('the history these tests fold', () => {
  it('has corrections that replace the rating in force and one that does not', () => {
    const actions = new Map(views[0].actions.map((a) => [a.ref, a]));
    expect(actions.get('1.10')).toMatchObject({ rag: 'GREEN', lastAsAt: '2026-01-15' });
    expect(actions.get('8.10')).toMatchObject({ rag: 'RED', latestCommentary: 'Corrected to RED', lastAsAt: '2025-12-20' });
    expect(actions.get('8.10')).toMatchObject({ deliveryConfidence: 'MEDIUM', confidenceHistory: [{ level: 'HIGH' }, { level: 'MEDIUM', previousLevel: 'HIGH' }] });
    expect(actions.get('1.9')!.delegates).toEqual([{ userId: 'priya', name: 'Priya Shah' }]);
    expect(views[0].updateRounds).toEqual([expect.objectContaining({ roundId: 'round-jan', closedOn: '2026-01-26' })]);
  });
});

for (const kind of READ_DATABASE_KINDS) {
  describeOn(kind)(`the live read models on ${kind} and the as-at view at the end of the history`, () => {
    let dataSource: DataSource;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      const fresh = await freshReadDatabase(kind);
      drop = fresh.drop;
      dataSource = await openReadDatabase(fresh.config);
      // Small batches, so rows are read back from the database as well as from the batch's own writes.
      const runner = new ProjectionRunner(store, dataSource, defaultProjections());
      for (const events = await store.readAll(); events.length > 0; ) await runner.applyBatch(events.splice(0, 5));
    });

    afterAll(async () => {
      await dataSource.destroy();
      await drop();
    });

    it('hold the same action rows, priorities and milestones', async () => {
      for (const view of views) {
        const rows = await dataSource.getRepository(ActionEntity).find({ where: { planId: view.planId }, order: { refSortKey: 'ASC' } });
        expect(rows).toEqual(view.actions.map((a) => columnsOf(dataSource, ActionEntity, a)));
        const priorities = await dataSource.getRepository(ActionPriorityEntity).find({ where: { planId: view.planId } });
        const byAction = (actionId: string) => priorities.filter((p) => p.actionId === actionId).map((p) => p.priorityNumber).sort((x, y) => x - y);
        for (const action of view.actions) expect(byAction(action.actionId)).toEqual(action.priorityNumbers);
        for (const action of view.actions) {
          const milestones = await dataSource.getRepository(MilestoneEntity).find({ where: { actionId: action.actionId }, order: { addedAtRevision: 'ASC' } });
          expect(milestones).toEqual(action.milestones);
        }
      }
    });

    it('hold the same plan rows, areas, priorities and update rounds', async () => {
      for (const view of views) {
        const where = { planId: view.planId };
        expect(await dataSource.getRepository(PlanEntity).findOneBy(where)).toEqual(columnsOf(dataSource, PlanEntity, view));
        const withPlan = <T extends object>(rows: T[]) => rows.map((r) => ({ planId: view.planId, ...r }));
        expect(await dataSource.getRepository(PlanAreaEntity).find({ where, order: { number: 'ASC' } })).toEqual(withPlan(view.areas));
        expect(await dataSource.getRepository(PlanPriorityEntity).find({ where, order: { number: 'ASC' } })).toEqual(withPlan(view.priorities));
        expect(await dataSource.getRepository(UpdateRoundEntity).find({ where, order: { openedOn: 'ASC' } })).toEqual(withPlan(view.updateRounds));
      }
    });
  });
}
