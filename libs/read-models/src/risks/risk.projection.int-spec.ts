import { Actor, RiskCommand } from '@send/domain';
import { riskIdFor, UpcastingEventStore } from '@send/event-store';
import { DataSource } from 'typeorm';
import { BOARD_CHAIR, describeOn, ids, PEOPLE, PLAN_A, PROGRAMME_OFFICE, READ_DATABASE_KINDS } from '../projection/history.fixture';
import { ProjectionRunner } from '../projection/projection-runner';
import { MitigationEntity } from './mitigation.entity';
import { RiskScoreEntity } from './risk-score.entity';
import { RiskEntity } from './risk.entity';
import { projectedHistory, sendRisk } from './register-writer.fixture';
import { riskRegisterAt } from './risk-register-view';
import { riskStream } from '@send/domain';

const R3 = riskIdFor(PLAN_A, 'R3');
const R12 = riskIdFor(PLAN_A, 'R12');
const FINANCE_OWNER: Actor = { userId: PEOPLE.finance.ownerId, displayName: PEOPLE.finance.name, role: 'action-owner' };

const raise = (riskId: string, ref: string, title: string): RiskCommand => ({
  type: 'RaiseRisk',
  data: {
    riskId,
    planId: PLAN_A,
    ref,
    title,
    description: `${title}, as the board's barriers appendix records it.`,
    cause: 'Rising demand for EHCPs',
    consequence: 'The deficit recovery plan misses its trajectory',
    owner: PEOPLE.finance,
    areaNumbers: [8],
    priorityNumbers: [7],
    actionIds: [ids.a['8.2'], ids.a['8.9']],
    inherent: { likelihood: 5, impact: 5 },
    current: { likelihood: 3, impact: 4 },
    target: { likelihood: 2, impact: 3, byDate: '2026-09-30' },
    reviewDate: '2026-03-01',
  },
});

for (const kind of READ_DATABASE_KINDS) {
  describeOn(kind)(`The risk register's read model on ${kind}`, () => {
    let store: UpcastingEventStore;
    let dataSource: DataSource;
    let runner: ProjectionRunner;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ store, dataSource, runner, close } = await projectedHistory(kind));
      await sendRisk(store, raise(R3, 'R3', 'The DSG deficit keeps rising'), '2026-01-22', PROGRAMME_OFFICE);
      await sendRisk(store, raise(R12, 'R12', 'Specialist places come too late'), '2026-01-22', BOARD_CHAIR);
      await sendRisk(store, { type: 'RescoreRisk', data: { riskId: R3, current: { likelihood: 4, impact: 4 }, commentary: 'Q3 forecast worse than budget', asAt: '2026-01-25' } }, '2026-01-26', FINANCE_OWNER);
      await sendRisk(store, { type: 'AddMitigation', data: { riskId: R3, mitigationId: 'panel', description: 'Placement panel for every INMSS request', owner: PEOPLE.director, dueDate: '2026-02-28' } }, '2026-01-27', FINANCE_OWNER);
      await sendRisk(store, { type: 'ChangeMitigationStatus', data: { riskId: R3, mitigationId: 'panel', status: 'IN_PROGRESS', commentary: 'Panel met twice' } }, '2026-01-29', FINANCE_OWNER);
      await sendRisk(store, { type: 'ReassignRiskOwner', data: { riskId: R3, owner: PEOPLE.director, reason: 'The director leads deficit recovery' } }, '2026-01-29', PROGRAMME_OFFICE);
      await sendRisk(store, { type: 'ChangeRiskLinks', data: { riskId: R12, areaNumbers: [6, 8], priorityNumbers: [], actionIds: [ids.a['6.3']] } }, '2026-01-29', PROGRAMME_OFFICE);
      const last = await sendRisk(store, { type: 'CloseRisk', data: { riskId: R12, reason: 'Capital bid approved' } }, '2026-01-30', BOARD_CHAIR);
      await runner.waitForPosition(last.position!);
    });

    afterAll(() => close());

    it('keeps each risk at its current score and band, with the score it replaced and the day it describes', async () => {
      expect(await dataSource.getRepository(RiskEntity).findOneByOrFail({ riskId: R3 })).toMatchObject({
        planId: PLAN_A,
        ref: 'R3',
        refNumber: 3,
        ownerId: PEOPLE.director.ownerId,
        ownerName: PEOPLE.director.name,
        areaNumbers: [8],
        actionIds: [ids.a['8.2'], ids.a['8.9']],
        inherentScore: 25,
        currentLikelihood: 4,
        currentImpact: 4,
        currentScore: 16,
        currentBand: 'RED',
        previousScore: 12,
        currentAsAt: '2026-01-25',
        targetScore: 6,
        targetByDate: '2026-09-30',
        status: 'OPEN',
        outcome: null,
        raisedAt: '2026-01-22T10:00:00.000Z',
        revision: 4,
      });
    });

    it('keeps links and the outcome of a closed risk, and orders R3 before R12', async () => {
      const rows = await dataSource.getRepository(RiskEntity).find({ where: { planId: PLAN_A }, order: { refNumber: 'ASC' } });
      expect(rows.map((r) => r.ref)).toEqual(['R3', 'R12']);
      expect(rows[1]).toMatchObject({ areaNumbers: [6, 8], priorityNumbers: [], actionIds: [ids.a['6.3']], status: 'CLOSED', outcome: 'Capital bid approved', currentBand: 'AMBER', previousScore: null, revision: 2 });
    });

    it('keeps every score a risk has had, with its commentary', async () => {
      const scores = await dataSource.getRepository(RiskScoreEntity).find({ where: { riskId: R3 }, order: { revision: 'ASC' } });
      expect(scores.map(({ revision, score, band, asAt, commentary }) => ({ revision, score, band, asAt, commentary }))).toEqual([
        { revision: 0, score: 12, band: 'AMBER', asAt: null, commentary: null },
        { revision: 1, score: 16, band: 'RED', asAt: '2026-01-25', commentary: 'Q3 forecast worse than budget' },
      ]);
    });

    it('keeps each mitigation with its owner, due date and latest status', async () => {
      expect(await dataSource.getRepository(MitigationEntity).findBy({ riskId: R3 })).toEqual([
        expect.objectContaining({ mitigationId: 'panel', planId: PLAN_A, ownerName: PEOPLE.director.name, dueDate: '2026-02-28', status: 'IN_PROGRESS', lastCommentary: 'Panel met twice', changedAt: '2026-01-29T10:00:00.000Z' }),
      ]);
    });

    it('folds from the event store exactly the rows the projection holds, and the register as it stood at any earlier instant', async () => {
      const streams = await Promise.all([R3, R12].map((id) => store.readStream(riskStream(id))));
      const plain = <T extends object>(rows: T[]) => rows.map((r) => ({ ...r }));
      const now = riskRegisterAt(streams, '9999-12-31T23:59:59.999Z');
      expect(plain(now.risks)).toEqual(plain(await dataSource.getRepository(RiskEntity).find({ order: { refNumber: 'ASC' } })));
      const byScore = (a: RiskScoreEntity, b: RiskScoreEntity) => (a.riskId === b.riskId ? a.revision - b.revision : a.riskId < b.riskId ? -1 : 1);
      expect(plain([...now.scores].sort(byScore))).toEqual(plain((await dataSource.getRepository(RiskScoreEntity).find()).sort(byScore)));
      expect(plain(now.mitigations)).toEqual(plain(await dataSource.getRepository(MitigationEntity).find()));

      const before = riskRegisterAt(streams, '2026-01-25T23:59:59.999Z');
      expect(before.risks.map((r) => [r.ref, r.currentScore, r.status])).toEqual([['R3', 12, 'OPEN'], ['R12', 12, 'OPEN']]);
      expect(before.mitigations).toEqual([]);
      expect(before.risks[0].ownerId).toBe(PEOPLE.finance.ownerId);
      const newestEvent = streams.flat().reduce((a, b) => (b.position > a.position ? b : a));
      expect(now).toMatchObject({ lastPosition: newestEvent.position, lastOccurredAt: newestEvent.metadata.occurredAt });
      expect(riskRegisterAt(streams, '2026-01-21T23:59:59.999Z')).toEqual({ risks: [], scores: [], mitigations: [], lastPosition: null, lastOccurredAt: null });
    });
  });
}
