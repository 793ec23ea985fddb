import { randomUUID } from 'node:crypto';
import { actionDecider, actionStream, Actor, ConditionCommand, conditionDecider, ConditionDecisionContext, conditionStream, planDecider, planStream, schemaVersionOf } from '@send/domain';
import { foldStream, handleCommand, UpcastingEventStore } from '@send/event-store';
import { DataSource } from 'typeorm';
import { BOARD_CHAIR, describeOn, ids, PLAN_A, PROGRAMME_OFFICE, READ_DATABASE_KINDS } from '../projection/history.fixture';
import { ProjectionRunner } from '../projection/projection-runner';
import { projectedHistory } from '../risks/register-writer.fixture';
import { conditionRegisterAt } from './condition-register-view';
import { ConditionStatusEntity } from './condition-status.entity';
import { ConditionWordingEntity } from './condition-wording.entity';
import { ConditionEntity } from './condition.entity';

const C2 = 'condition-c2';
const C10 = 'condition-c10';

const fold = async <S, E>(store: UpcastingEventStore, streamId: string, decider: { initialState(): S; evolve(s: S, e: E): S }) =>
  (await foldStream(store, streamId, decider)).state;

/** The app's write path for a condition without its Nest wiring: the decider through handleCommand, with the context the command service reads. */
async function send(store: UpcastingEventStore, command: ConditionCommand, day: string, actor: Actor) {
  const state = await fold(store, conditionStream(command.data.conditionId), conditionDecider);
  const planId = command.type === 'AddCondition' ? command.data.planId : state.exists ? state.planId : '';
  const actionIds = command.type === 'AddCondition' ? command.data.actionIds : command.type === 'LinkToCondition' && command.data.link.kind === 'ACTION' ? [command.data.link.id] : [];
  const context: ConditionDecisionContext = {
    plan: await fold(store, planStream(planId), planDecider),
    actions: Object.fromEntries(await Promise.all(actionIds.map(async (id) => [id, await fold(store, actionStream(id), actionDecider)]))),
  };
  const commandId = randomUUID();
  const metadata = { now: `${day}T10:00:00.000Z`, commandId, correlationId: commandId, actor };
  return handleCommand(store, conditionStream(command.data.conditionId), conditionDecider, command, { metadata, context, schemaVersionOf });
}

const add = (conditionId: string, ref: string, actionIds: string[]): ConditionCommand => ({
  type: 'AddCondition',
  data: { conditionId, planId: PLAN_A, ref, text: `Condition ${ref} of the agreement`, sourceParagraph: 'Paragraph 8', measureOfSuccess: 'Forecast at or below trajectory', dueDate: '2026-03-31', actionIds, metricIds: [] },
});

for (const kind of READ_DATABASE_KINDS) {
  describeOn(kind)(`The conditions register's read model on ${kind}`, () => {
    let store: UpcastingEventStore;
    let dataSource: DataSource;
    let runner: ProjectionRunner;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ store, dataSource, runner, close } = await projectedHistory(kind));
      await send(store, add(C10, 'C10', []), '2026-01-22', PROGRAMME_OFFICE);
      await send(store, add(C2, 'C2', [ids.a['8.2']]), '2026-01-22', PROGRAMME_OFFICE);
      await send(store, { type: 'RecordConditionStatus', data: { conditionId: C2, quarter: '2025/26 Q3', status: 'NOT_ON_TRACK', commentary: 'Forecast gap of £71m' } }, '2026-01-23', PROGRAMME_OFFICE);
      await send(store, { type: 'ApproveConditionStatus', data: { conditionId: C2, quarter: '2025/26 Q3', version: 1 } }, '2026-01-26', BOARD_CHAIR);
      await send(store, { type: 'RecordConditionStatus', data: { conditionId: C2, quarter: '2025/26 Q3', status: 'ON_TRACK', commentary: 'Panel savings landed' } }, '2026-01-28', PROGRAMME_OFFICE);
      await send(store, { type: 'LinkToCondition', data: { conditionId: C2, link: { kind: 'ACTION', id: ids.a['8.9'] } } }, '2026-01-29', PROGRAMME_OFFICE);
      const last = await send(
        store,
        { type: 'ReviseConditionWording', data: { conditionId: C2, text: 'Condition C2, as varied', sourceParagraph: 'Paragraph 8', measureOfSuccess: 'Forecast at or below trajectory', dueDate: '2026-06-30', reason: 'Varied by the DfE' } },
        '2026-01-30',
        PROGRAMME_OFFICE,
      );
      await runner.waitForPosition(last.position!);
    });

    afterAll(() => close());

    it('keeps each condition in its current wording and links, C2 before C10', async () => {
      const rows = await dataSource.getRepository(ConditionEntity).find({ where: { planId: PLAN_A }, order: { refNumber: 'ASC' } });
      expect(rows.map((r) => r.ref)).toEqual(['C2', 'C10']);
      expect(rows[0]).toMatchObject({ text: 'Condition C2, as varied', dueDate: '2026-06-30', wordingVersion: 2, actionIds: [ids.a['8.2'], ids.a['8.9']], revision: 5 });
    });

    it('keeps every status version of a quarter with who recorded and who approved it', async () => {
      const statuses = await dataSource.getRepository(ConditionStatusEntity).find({ where: { conditionId: C2 }, order: { version: 'ASC' } });
      expect(statuses.map(({ version, status, replacesApproved, recordedBy, approvedBy, approvedAt }) => ({ version, status, replacesApproved, recordedBy, approvedBy, approvedAt }))).toEqual([
        { version: 1, status: 'NOT_ON_TRACK', replacesApproved: false, recordedBy: PROGRAMME_OFFICE.displayName, approvedBy: BOARD_CHAIR.displayName, approvedAt: '2026-01-26T10:00:00.000Z' },
        { version: 2, status: 'ON_TRACK', replacesApproved: true, recordedBy: PROGRAMME_OFFICE.displayName, approvedBy: null, approvedAt: null },
      ]);
    });

    it('folds from the event store exactly the rows the projection holds, and the register as it stood earlier', async () => {
      const streams = await Promise.all([C2, C10].map((id) => store.readStream(conditionStream(id))));
      const plain = <T extends object>(rows: T[]) => rows.map((r) => ({ ...r }));
      const now = conditionRegisterAt(streams, '9999-12-31T23:59:59.999Z');
      expect(plain(now.conditions)).toEqual(plain(await dataSource.getRepository(ConditionEntity).find({ order: { refNumber: 'ASC' } })));
      const key = (r: ConditionStatusEntity | ConditionWordingEntity) => `${r.conditionId}/${'quarter' in r ? r.quarter : ''}/${r.version}`;
      const sorted = <T extends ConditionStatusEntity | ConditionWordingEntity>(rows: T[]) => plain([...rows].sort((a, b) => key(a).localeCompare(key(b))));
      expect(sorted(now.statuses)).toEqual(sorted(await dataSource.getRepository(ConditionStatusEntity).find()));
      expect(sorted(now.wordings)).toEqual(sorted(await dataSource.getRepository(ConditionWordingEntity).find()));

      const approvedThen = conditionRegisterAt(streams, '2026-01-27T23:59:59.999Z');
      expect(approvedThen.statuses.map((s) => [s.version, s.status, s.approvedBy])).toEqual([[1, 'NOT_ON_TRACK', BOARD_CHAIR.displayName]]);
      expect(approvedThen.conditions[0]).toMatchObject({ ref: 'C2', wordingVersion: 1, actionIds: [ids.a['8.2']] });
      expect(conditionRegisterAt(streams, '2026-01-21T23:59:59.999Z')).toEqual({ conditions: [], wordings: [], statuses: [] });
    });
  });
}
