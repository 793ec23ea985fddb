import { Actor } from '@send/domain';
import { riskIdFor, UpcastingEventStore } from '@send/event-store';
import { DataSource } from 'typeorm';
import { BOARD_CHAIR, describeOn, ids, PEOPLE, PLAN_A, PROGRAMME_OFFICE, READ_DATABASE_KINDS } from '../projection/history.fixture';
import { ProjectionRunner } from '../projection/projection-runner';
import { projectedHistory, sendChallenge, sendRisk } from '../risks/register-writer.fixture';
import { ChallengeMessageEntity } from './challenge-message.entity';
import { ChallengeEntity } from './challenge.entity';

const ADVISER: Actor = { userId: 'dfe-adviser', displayName: 'DfE SEND adviser', role: 'DFE_ADVISER' };
const DIRECTOR: Actor = { userId: PEOPLE.director.ownerId, displayName: PEOPLE.director.name, role: 'ACTION_OWNER' };
const R1 = riskIdFor(PLAN_A, 'R1');

for (const kind of READ_DATABASE_KINDS) {
  describeOn(kind)(`Challenge threads' read model on ${kind}`, () => {
    let store: UpcastingEventStore;
    let dataSource: DataSource;
    let runner: ProjectionRunner;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ store, dataSource, runner, close } = await projectedHistory(kind));
      await sendRisk(
        store,
        {
          type: 'RaiseRisk',
          data: {
            riskId: R1, planId: PLAN_A, ref: 'R1', title: 'Governance go-live slips', description: 'The recovery plan board is not yet meeting.', cause: 'Vacancies',
            consequence: 'No oversight of spend', owner: PEOPLE.director, areaNumbers: [1], priorityNumbers: [7], actionIds: [],
            inherent: { likelihood: 3, impact: 4 }, current: { likelihood: 3, impact: 4 }, target: { likelihood: 1, impact: 4, byDate: '2026-06-30' }, reviewDate: '2026-03-01',
          },
        },
        '2026-01-22',
        PROGRAMME_OFFICE,
      );
      await sendChallenge(store, { type: 'RaiseChallenge', data: { challengeId: 'on-8-2', planId: PLAN_A, subject: { kind: 'ACTION', id: ids.a['8.2'] }, question: 'Why Blue while the deficit grows?' } }, '2026-01-23', ADVISER);
      await sendChallenge(store, { type: 'AnswerChallenge', data: { challengeId: 'on-8-2', answer: 'The plan is approved; the trajectory is reported monthly.' } }, '2026-01-24', DIRECTOR);
      await sendChallenge(store, { type: 'FollowUpChallenge', data: { challengeId: 'on-8-2', question: 'Bring the trajectory to the next board.' } }, '2026-01-25', BOARD_CHAIR);
      await sendChallenge(store, { type: 'RaiseChallenge', data: { challengeId: 'on-r1', planId: PLAN_A, subject: { kind: 'RISK', id: R1 }, question: 'Who chairs the recovery board?' } }, '2026-01-26', BOARD_CHAIR);
      await sendChallenge(store, { type: 'AnswerChallenge', data: { challengeId: 'on-r1', answer: 'The Director, from February.' } }, '2026-01-27', DIRECTOR);
      const last = await sendChallenge(store, { type: 'ResolveChallenge', data: { challengeId: 'on-r1' } }, '2026-01-28', BOARD_CHAIR);
      await runner.waitForPosition(last.position!);
    });

    afterAll(() => close());

    it('keeps each thread with its subject, whose turn it is and who raised it', async () => {
      const rows = await dataSource.getRepository(ChallengeEntity).find({ where: { planId: PLAN_A }, order: { raisedAt: 'ASC' } });
      expect(rows.map(({ challengeId, subjectKind, subjectRef, status, raisedBy, revision, lastChangedAt }) => ({ challengeId, subjectKind, subjectRef, status, raisedBy, revision, lastChangedAt }))).toEqual([
        { challengeId: 'on-8-2', subjectKind: 'ACTION', subjectRef: '8.2', status: 'AWAITING_ANSWER', raisedBy: 'DfE SEND adviser', revision: 2, lastChangedAt: '2026-01-25T10:00:00.000Z' },
        { challengeId: 'on-r1', subjectKind: 'RISK', subjectRef: 'R1', status: 'RESOLVED', raisedBy: 'Prof. Judith Ashworth', revision: 2, lastChangedAt: '2026-01-28T10:00:00.000Z' },
      ]);
    });

    it('keeps every turn in order, with who said it in what role', async () => {
      const turns = await dataSource.getRepository(ChallengeMessageEntity).find({ where: { challengeId: 'on-8-2' }, order: { revision: 'ASC' } });
      expect(turns.map(({ kind, text, actorName, actorRole }) => ({ kind, text, actorName, actorRole }))).toEqual([
        { kind: 'QUESTION', text: 'Why Blue while the deficit grows?', actorName: 'DfE SEND adviser', actorRole: 'DFE_ADVISER' },
        { kind: 'ANSWER', text: 'The plan is approved; the trajectory is reported monthly.', actorName: PEOPLE.director.name, actorRole: 'ACTION_OWNER' },
        { kind: 'QUESTION', text: 'Bring the trajectory to the next board.', actorName: 'Prof. Judith Ashworth', actorRole: 'board-chair' },
      ]);
      const resolution = await dataSource.getRepository(ChallengeMessageEntity).findOneByOrFail({ challengeId: 'on-r1', revision: 2 });
      expect(resolution).toMatchObject({ kind: 'RESOLUTION', text: null });
    });
  });
}
