import { randomUUID } from 'node:crypto';
import { Actor, followUpDecider, followUpStream } from '@send/domain';
import { foldStream, riskIdFor, UpcastingEventStore } from '@send/event-store';
import { DataSource } from 'typeorm';
import { PlanDecisionEntity } from '../meetings/plan-decision.entity';
import { BOARD_CHAIR, describeOn, PEOPLE, PLAN_A, PROGRAMME_OFFICE, READ_DATABASE_KINDS } from '../projection/history.fixture';
import { ProjectionRunner } from '../projection/projection-runner';
import { projectedHistory, sendFollowUp, sendMeeting, sendRisk } from '../risks/register-writer.fixture';
import { actionLogAt } from './action-log-history';
import { FollowUpNoteEntity } from './follow-up-note.entity';
import { FollowUpEntity } from './follow-up.entity';

const DIRECTOR: Actor = { userId: PEOPLE.director.ownerId, displayName: PEOPLE.director.name, role: 'ACTION_OWNER' };
const R1 = riskIdFor(PLAN_A, 'R1');
const owner = { name: 'Sam Patel', role: 'Head of SEND' };
const LEGACY_V1 = {
  followUpId: 'legacy',
  planId: 'plan-legacy',
  meetingId: 'nov',
  meetingDate: '2025-11-10',
  description: 'Bring the dashboard to the next meeting',
  owner: { name: 'Sam Patel', role: 'Head of SEND', userId: 'sam' },
  dueDate: '2025-12-08',
};

for (const kind of READ_DATABASE_KINDS) {
  describeOn(kind)(`The meeting action log and plan decisions' read models on ${kind}`, () => {
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
            inherent: { likelihood: 4, impact: 4 }, current: { likelihood: 4, impact: 4 }, target: { likelihood: 1, impact: 4, byDate: '2026-06-30' }, reviewDate: '2026-03-01',
          },
        },
        '2026-01-05',
        PROGRAMME_OFFICE,
      );
      const schedule = (meetingId: string, date: string) =>
        sendMeeting(store, { type: 'ScheduleMeeting', data: { meetingId, planId: PLAN_A, meetingType: 'BOARD', date, title: `Board ${date}` } }, '2026-01-05', BOARD_CHAIR);
      await schedule('jan', '2026-01-12');
      await schedule('feb', '2026-02-09');
      await sendMeeting(store, { type: 'RecordPlanDecision', data: { meetingId: 'jan', decisionId: 'd-plan', subject: { kind: 'PLAN' }, kind: 'AGREED', summary: 'Deep dive on sufficiency each quarter' } }, '2026-01-12', BOARD_CHAIR);
      await sendMeeting(store, { type: 'RecordPlanDecision', data: { meetingId: 'jan', decisionId: 'd-r1', subject: { kind: 'RISK', riskId: R1 }, kind: 'FURTHER_MITIGATION', summary: 'Interim chair for the recovery board' } }, '2026-01-12', BOARD_CHAIR);
      const raise = (followUpId: string, description: string, dueDate: string) =>
        sendFollowUp(store, { type: 'RaiseFollowUp', data: { followUpId, meetingId: 'jan', description, owner, dueDate } }, '2026-01-12', BOARD_CHAIR);
      await raise('dashboard', 'Bring the performance dashboard to the next meeting', '2026-02-09');
      await raise('forum', 'Invite the parent carer forum chair', '2026-02-09');
      await raise('audit', 'Share the internal audit scope', '2026-01-31');
      await sendFollowUp(store, { type: 'UpdateFollowUp', data: { followUpId: 'dashboard', note: 'Draft with the BI team', dueDate: '2026-03-09' } }, '2026-01-30', DIRECTOR);
      await sendFollowUp(store, { type: 'CompleteFollowUp', data: { followUpId: 'forum', note: 'Attending from February' } }, '2026-01-20', BOARD_CHAIR);
      await sendFollowUp(store, { type: 'DropFollowUp', data: { followUpId: 'audit', note: 'Covered by action 8.2' } }, '2026-01-21', BOARD_CHAIR);
      // As a follow-up was stored before owners were named by id: FollowUpRaised v1, its owner text and a user id.
      await store.appendToStream(
        followUpStream('legacy'),
        [{ id: randomUUID(), type: 'FollowUpRaised', data: LEGACY_V1, metadata: { schemaVersion: 1, occurredAt: '2025-11-10T17:00:00.000Z', commandId: randomUUID() } }],
        'no_stream',
      );
      const last = await sendFollowUp(store, { type: 'UpdateFollowUp', data: { followUpId: 'legacy', note: 'Draft circulated' } }, '2026-01-22', DIRECTOR);
      await runner.waitForPosition(last.position!);
    });

    afterAll(() => close());

    it('keeps each follow-up with the meeting that raised it, its owner, its due date as moved, and its status', async () => {
      const rows = await dataSource.getRepository(FollowUpEntity).find({ where: { planId: PLAN_A }, order: { followUpId: 'ASC' } });
      expect(rows.map(({ followUpId, meetingId, meetingDate, ownerName, ownerUserId, dueDate, status, closedOn, revision }) => ({ followUpId, meetingId, meetingDate, ownerName, ownerUserId, dueDate, status, closedOn, revision }))).toEqual([
        { followUpId: 'audit', meetingId: 'jan', meetingDate: '2026-01-12', ownerName: 'Sam Patel', ownerUserId: null, dueDate: '2026-01-31', status: 'DROPPED', closedOn: '2026-01-21', revision: 1 },
        { followUpId: 'dashboard', meetingId: 'jan', meetingDate: '2026-01-12', ownerName: 'Sam Patel', ownerUserId: null, dueDate: '2026-03-09', status: 'OPEN', closedOn: null, revision: 1 },
        { followUpId: 'forum', meetingId: 'jan', meetingDate: '2026-01-12', ownerName: 'Sam Patel', ownerUserId: null, dueDate: '2026-02-09', status: 'DONE', closedOn: '2026-01-20', revision: 1 },
      ]);
    });

    it('still loads a follow-up stored as FollowUpRaised v1: owner text and its user, no owner id, and it takes notes and projects', async () => {
      const [raised] = await store.readStream(followUpStream('legacy'));
      expect(raised.metadata.schemaVersion).toBe(2);
      expect(raised.data.owner).toEqual({ ownerId: null, name: 'Sam Patel', role: 'Head of SEND', organisation: null, userId: 'sam' });
      expect((await foldStream(store, followUpStream('legacy'), followUpDecider)).state).toMatchObject({ exists: true, ownerId: null, ownerUserId: 'sam', status: 'OPEN' });
      const row = await dataSource.getRepository(FollowUpEntity).findOneByOrFail({ followUpId: 'legacy' });
      expect(row).toMatchObject({ planId: 'plan-legacy', ownerId: null, ownerName: 'Sam Patel', ownerRole: 'Head of SEND', ownerOrganisation: null, ownerUserId: 'sam', revision: 1 });
    });

    it('keeps every note with who wrote it and the due date it moved to', async () => {
      const notes = await dataSource.getRepository(FollowUpNoteEntity).find({ where: { planId: PLAN_A }, order: { followUpId: 'ASC' } });
      expect(notes.map(({ followUpId, kind, note, dueDate, on, actorName }) => ({ followUpId, kind, note, dueDate, on, actorName }))).toEqual([
        { followUpId: 'audit', kind: 'DROPPED', note: 'Covered by action 8.2', dueDate: null, on: '2026-01-21', actorName: 'Prof. Judith Ashworth' },
        { followUpId: 'dashboard', kind: 'UPDATE', note: 'Draft with the BI team', dueDate: '2026-03-09', on: '2026-01-30', actorName: PEOPLE.director.name },
        { followUpId: 'forum', kind: 'COMPLETED', note: 'Attending from February', dueDate: null, on: '2026-01-20', actorName: 'Prof. Judith Ashworth' },
      ]);
    });

    it('folds to the same rows from the events alone, now and as at an earlier instant', async () => {
      const streams = await Promise.all(['dashboard', 'forum', 'audit'].map((id) => store.readStream(`follow-up-${id}`)));
      const rows = await dataSource.getRepository(FollowUpEntity).find({ where: { planId: PLAN_A } });
      const notes = await dataSource.getRepository(FollowUpNoteEntity).find({ where: { planId: PLAN_A } });
      const byId = <T extends { followUpId: string; revision: number }>(list: T[]) => [...list].sort((a, b) => a.followUpId.localeCompare(b.followUpId) || a.revision - b.revision);
      const now = actionLogAt(streams, '2026-12-31T00:00:00.000Z');
      expect(byId(now.followUps)).toEqual(byId(rows));
      expect(byId(now.notes)).toEqual(byId(notes));
      // On 20 January only the forum invitation had been completed; the dashboard's due date had not moved yet.
      const then = actionLogAt(streams, '2026-01-20T23:59:59.999Z');
      expect(then.followUps.map((f) => [f.followUpId, f.status, f.dueDate])).toEqual([['audit', 'OPEN', '2026-01-31'], ['dashboard', 'OPEN', '2026-02-09'], ['forum', 'DONE', '2026-02-09']]);
      expect(actionLogAt(streams, '2026-01-11T23:59:59.999Z')).toEqual({ followUps: [], notes: [], lastPosition: null });
    });

    it('keeps decisions about the plan and about a risk, with the risk’s reference and the meeting’s date', async () => {
      const rows = await dataSource.getRepository(PlanDecisionEntity).find({ where: { meetingId: 'jan' }, order: { decisionId: 'ASC' } });
      expect(rows.map(({ decisionId, meetingDate, subjectKind, riskId, riskRef, kind, summary, recordedAt }) => ({ decisionId, meetingDate, subjectKind, riskId, riskRef, kind, summary, recordedAt }))).toEqual([
        { decisionId: 'd-plan', meetingDate: '2026-01-12', subjectKind: 'PLAN', riskId: null, riskRef: null, kind: 'AGREED', summary: 'Deep dive on sufficiency each quarter', recordedAt: '2026-01-12T10:00:00.000Z' },
        { decisionId: 'd-r1', meetingDate: '2026-01-12', subjectKind: 'RISK', riskId: R1, riskRef: 'R1', kind: 'FURTHER_MITIGATION', summary: 'Interim chair for the recovery board', recordedAt: '2026-01-12T10:00:00.000Z' },
      ]);
    });
  });
}
