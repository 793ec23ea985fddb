import { randomUUID } from 'node:crypto';
import { actionDecider, ActionFinanceCommand, actionFinanceDecider, actionStream, fundingStream, planDecider, planStream, schemaVersionOf } from '@send/domain';
import { foldStream, handleCommand, UpcastingEventStore } from '@send/event-store';
import { DataSource } from 'typeorm';
import { describeOn, ids, PLAN_A, PROGRAMME_OFFICE, READ_DATABASE_KINDS } from '../projection/history.fixture';
import { ProjectionRunner } from '../projection/projection-runner';
import { projectedHistory } from '../risks/register-writer.fixture';
import { ActionFinanceRecordEntity } from './action-finance-record.entity';
import { rollUpFunding } from './funding-roll-up';
import { fundingViewAt, fundingViewOf } from './funding-view';
import { PlanFundingEntity } from './plan-funding.entity';
import { PrioritySavingsTargetEntity } from './priority-savings-target.entity';

/** The app's write path for funding, without its Nest wiring: the decider through handleCommand, with the plan and action as context. */
async function send(store: UpcastingEventStore, command: ActionFinanceCommand, now: string) {
  const plan = (await foldStream(store, planStream(PLAN_A), planDecider)).state;
  const action = 'actionId' in command.data ? (await foldStream(store, actionStream(command.data.actionId), actionDecider)).state : undefined;
  const commandId = randomUUID();
  return handleCommand(store, fundingStream(PLAN_A), actionFinanceDecider, command, {
    metadata: { now, commandId, correlationId: commandId, actor: PROGRAMME_OFFICE },
    context: { plan, action },
    schemaVersionOf,
  });
}

for (const kind of READ_DATABASE_KINDS) {
  describeOn(kind)(`Money on actions and priorities: the read model on ${kind}`, () => {
    let store: UpcastingEventStore;
    let dataSource: DataSource;
    let runner: ProjectionRunner;
    let close: () => Promise<void>;
    const planId = PLAN_A;
    const actionId = ids.a['8.2'];

    beforeAll(async () => {
      ({ store, dataSource, runner, close } = await projectedHistory(kind));
      await send(store, { type: 'SetActionFunding', data: { planId, actionId, plannedCost: '999999999999.99', expectedSavings: '600000', fundingSource: 'DSG High Needs Block', savingsPriority: 7 } }, '2026-01-05T09:00:00.000Z');
      await send(store, { type: 'SetPrioritySavingsTarget', data: { planId, priorityNumber: 7, year: '2025/26', target: '500000', reason: 'Recovery plan' } }, '2026-01-05T09:00:00.000Z');
      await send(store, { type: 'RecordActionSpend', data: { planId, actionId, spendToDate: '90000', asOfDate: '2026-01-05', commentary: 'Q3' } }, '2026-01-06T09:00:00.000Z');
      await send(store, { type: 'RecordSavingsEvidenced', data: { planId, actionId, year: '2025/26', savings: '120000', evidence: 'Panel minutes', asOfDate: '2026-01-06' } }, '2026-01-06T09:00:00.000Z');
      const last = await send(store, { type: 'RecordActionSpend', data: { planId, actionId, spendToDate: '150000.01', asOfDate: '2026-01-20', commentary: 'Q4 to date' } }, '2026-01-20T09:00:00.000Z');
      await runner.waitForPosition(last.position!);
    });

    afterAll(() => close());

    it('keeps every figure in exact pence, in the order given, with the stream revision', async () => {
      expect(await dataSource.getRepository(PlanFundingEntity).findOneByOrFail({ planId })).toEqual({ planId, revision: 4 });
      const records = await dataSource.getRepository(ActionFinanceRecordEntity).find({ where: { actionId }, order: { streamRevision: 'ASC' } });
      expect(records.map((r) => [r.kind, r.revision, r.amount, r.streamRevision])).toEqual([
        ['FUNDING', 1, 99_999_999_999_999, 0],
        ['SPEND', 1, 9_000_000, 2],
        ['SAVINGS', 1, 12_000_000, 3],
        ['SPEND', 2, 15_000_001, 4],
      ]);
    });

    it('folds from the event store exactly the view the projection holds, and the figures as they stood earlier', async () => {
      const stream = await store.readStream(fundingStream(planId));
      const [records, targets] = await Promise.all([
        dataSource.getRepository(ActionFinanceRecordEntity).findBy({ planId }),
        dataSource.getRepository(PrioritySavingsTargetEntity).findBy({ planId }),
      ]);
      const live = fundingViewOf(planId, 4, records, targets);
      expect(JSON.parse(JSON.stringify(fundingViewAt(planId, stream, '9999-12-31T23:59:59.999Z')))).toEqual(JSON.parse(JSON.stringify(live)));
      const before = fundingViewAt(planId, stream, '2026-01-10T00:00:00.000Z');
      expect(before.actions[0].spend).toMatchObject({ spendToDate: 9_000_000, revision: 1 });
      expect(before.revision).toBe(3);
      const rollUp = rollUpFunding(live, () => 8, [1, 2, 3, 4, 5, 6, 7], [8]);
      expect(rollUp.priorities.find((p) => p.priorityNumber === 7)!.years).toEqual([{ year: '2025/26', target: 50_000_000, savingsEvidenced: 12_000_000 }]);
      expect(rollUp.areas).toEqual([{ areaNumber: 8, totals: { plannedCost: 99_999_999_999_999, expectedSavings: 60_000_000, spendToDate: 15_000_001, savingsEvidenced: 12_000_000, actions: 1 } }]);
    });
  });
}
