import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor, OwnerCommand, ownerDecider, OwnerDecisionContext, ownerStream, schemaVersionOf } from '@send/domain';
import { handleCommand, riskIdFor, UpcastingEventStore } from '@send/event-store';
import { ActionEntity } from '../actions/action.entity';
import { eventStoreStreamIndex, PlanHistory, eventStoreRenamedOwners } from '../as-at/plan-history';
import { describeOn, ids, PEOPLE, PLAN_A, PLAN_B, PROGRAMME_OFFICE, READ_DATABASE_KINDS } from '../projection/history.fixture';
import { projectedHistory, sendRisk } from '../risks/register-writer.fixture';
import { eventStoreRiskIndex, RiskHistory } from '../risks/risk-history';
import { MitigationEntity } from '../risks/mitigation.entity';
import { RiskEntity } from '../risks/risk.entity';
import { OwnerEntity } from './owner.entity';
import { OwnerRecordEntity } from '../owner-records/owner-record.entity';

const R3 = riskIdFor(PLAN_A, 'R3');
const R4 = riskIdFor(PLAN_A, 'R4');
const BEFORE = '2026-01-27T12:00:00.000Z';
const END = '2100-01-01T00:00:00.000Z';
const director = PEOPLE.director.ownerId;

/** The app's rename path without its Nest wiring: the decider told who the plans record. */
function rename(store: UpcastingEventStore, command: OwnerCommand, context: OwnerDecisionContext, actor: Actor) {
  const commandId = randomUUID();
  const metadata = { now: '2026-01-28T10:00:00.000Z', commandId, correlationId: commandId, actor };
  return handleCommand(store, ownerStream(command.data.ownerId), ownerDecider, command, { metadata, context, schemaVersionOf });
}

for (const kind of READ_DATABASE_KINDS) {
  describeOn(kind)(`An owner renamed, in the read models on ${kind} and the as-at views`, () => {
    let projected: Awaited<ReturnType<typeof projectedHistory>>;
    let store: UpcastingEventStore;
    let dataSource: DataSource;

    beforeAll(async () => {
      projected = await projectedHistory(kind);
      ({ store, dataSource } = projected);
      await sendRisk(store, {
        type: 'RaiseRisk',
        data: {
          riskId: R3, planId: PLAN_A, ref: 'R3', title: 'The DSG deficit keeps rising', description: 'As the barriers appendix records it.', cause: 'Demand', consequence: 'Deficit',
          owner: PEOPLE.director, areaNumbers: [8], priorityNumbers: [7], actionIds: [ids.a['8.2']],
          inherent: { likelihood: 5, impact: 5 }, current: { likelihood: 3, impact: 4 }, target: { likelihood: 2, impact: 3, byDate: '2026-09-30' }, reviewDate: '2026-03-01',
        },
      }, '2026-01-22', PROGRAMME_OFFICE);
      await sendRisk(store, { type: 'AddMitigation', data: { riskId: R3, mitigationId: 'panel', description: 'Placement panel', owner: PEOPLE.director, dueDate: '2026-02-28' } }, '2026-01-27', PROGRAMME_OFFICE);
      // R4 was Rachel's before it was given to Helen: it follows Helen's rename, not Rachel's.
      await sendRisk(store, {
        type: 'RaiseRisk',
        data: {
          riskId: R4, planId: PLAN_A, ref: 'R4', title: 'Specialist places come too late', description: 'Capital slippage.', cause: 'Planning', consequence: 'Out-of-area placements',
          owner: PEOPLE.finance, areaNumbers: [6], priorityNumbers: [], actionIds: [],
          inherent: { likelihood: 4, impact: 4 }, current: { likelihood: 3, impact: 4 }, target: { likelihood: 2, impact: 3, byDate: '2026-09-30' }, reviewDate: '2026-03-01',
        },
      }, '2026-01-22', PROGRAMME_OFFICE);
      await sendRisk(store, { type: 'ReassignRiskOwner', data: { riskId: R4, owner: PEOPLE.director, reason: 'Capital now with the director' } }, '2026-01-26', PROGRAMME_OFFICE);
      const renamed = await rename(store, { type: 'RenameOwner', data: { ownerId: director, name: 'Helen Marsh-Ellis', role: 'Corporate Director' } }, { recorded: PEOPLE.director, sameNameOwnerId: null }, PROGRAMME_OFFICE);
      // 8.2 was Rachel's before it was given to Helen: renaming Rachel must leave it alone.
      await rename(store, { type: 'RenameOwner', data: { ownerId: PEOPLE.finance.ownerId, name: 'Rachel Green' } }, { recorded: PEOPLE.finance, sameNameOwnerId: null }, PROGRAMME_OFFICE);
      await projected.runner.waitForPosition(renamed.position! + 1n);
    });

    afterAll(() => projected.close());

    it("shows the new name on every action the owner holds, keeping the id, and leaves an action they gave up under its new owner's name", async () => {
      const theirs = await dataSource.getRepository(ActionEntity).find({ where: { ownerId: director }, order: { refSortKey: 'ASC' } });
      expect(theirs.map((a) => [a.ref, a.ownerName, a.ownerRole, a.ownerOrganisation])).toEqual([
        ['1.9', 'Helen Marsh-Ellis', 'Corporate Director', 'Council'],
        ['1.10', 'Helen Marsh-Ellis', 'Corporate Director', 'Council'],
        ['8.2', 'Helen Marsh-Ellis', 'Corporate Director', 'Council'],
      ]);
      expect(await dataSource.getRepository(ActionEntity).countBy({ ownerName: 'Helen Marsh' })).toBe(0);
      expect(await dataSource.getRepository(ActionEntity).countBy({ ownerName: 'Rachel Green' })).toBe(0);
    });

    it("shows it in the plan's owners, the risk register and the owner's record, found by the new name", async () => {
      expect(await dataSource.getRepository(OwnerEntity).findOneByOrFail({ planId: PLAN_A, ownerId: director })).toMatchObject({ name: 'Helen Marsh-Ellis', role: 'Corporate Director' });
      expect(await dataSource.getRepository(RiskEntity).findOneByOrFail({ riskId: R3 })).toMatchObject({ ownerId: director, ownerName: 'Helen Marsh-Ellis' });
      expect(await dataSource.getRepository(RiskEntity).findOneByOrFail({ riskId: R4 })).toMatchObject({ ownerId: director, ownerName: 'Helen Marsh-Ellis' });
      expect((await dataSource.getRepository(OwnerRecordEntity).findOneByOrFail({ ownerId: PEOPLE.finance.ownerId })).riskIds).not.toContain(R4);
      expect(await dataSource.getRepository(MitigationEntity).findOneByOrFail({ riskId: R3, mitigationId: 'panel' })).toMatchObject({ ownerName: 'Helen Marsh-Ellis' });
      expect(await dataSource.getRepository(OwnerRecordEntity).findOneByOrFail({ nameKey: 'helen marsh-ellis', organisationKey: 'council' })).toMatchObject({ ownerId: director, renamedAt: '2026-01-28T10:00:00.000Z' });
    });

    it('folds the rename into the as-at views exactly as the read models hold it, and shows the old name before it', async () => {
      const history = new PlanHistory(eventStoreStreamIndex(store), store);
      const [before, after] = await history.viewsAt(PLAN_A, [BEFORE, END]);
      expect(before!.actions.find((a) => a.ref === '1.9')!.owner.name).toBe('Helen Marsh');
      for (const action of after!.actions) {
        const row = await dataSource.getRepository(ActionEntity).findOneByOrFail({ actionId: action.actionId });
        expect([action.ownerName, action.ownerRole, action.ownerOrganisation]).toEqual([row.ownerName, row.ownerRole, row.ownerOrganisation]);
      }
      expect(after!.owners.find((o) => o.ownerId === director)).toMatchObject({ name: 'Helen Marsh-Ellis', role: 'Corporate Director' });
      // The other plan names neither owner: the renames are no part of its history.
      const other = (await history.viewAt(PLAN_B, END))!;
      const [planB, ...actionsB] = await Promise.all([store.readStream(`plan-${PLAN_B}`), ...other.actions.map((a) => store.readStream(`action-${a.actionId}`))]);
      expect(other.lastPosition).toBe([planB, ...actionsB].flat().reduce((max, e) => (e.position > max ? e.position : max), 0n));
      const risks = new RiskHistory(eventStoreRiskIndex(store), store, eventStoreRenamedOwners(store));
      const [riskBefore, riskAfter] = await risks.registersAt(PLAN_A, [BEFORE, END]);
      expect(riskBefore.risks[0].ownerName).toBe('Helen Marsh');
      expect(riskAfter.risks).toEqual(await dataSource.getRepository(RiskEntity).find({ where: { planId: PLAN_A }, order: { refNumber: 'ASC' } }));
      expect(riskAfter.mitigations).toEqual(await dataSource.getRepository(MitigationEntity).find({ where: { planId: PLAN_A } }));
    });
  });
}
