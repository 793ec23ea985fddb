import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ActionCommand, isStreamOf, currentVersionOf } from '@send/domain';
import { RecordedEvent, SqliteEventStore, UnreadableEventError, actionIdFor, upcastOnRead } from '@send/event-store';
import { ActionPriorityEntity } from '../actions/action-priority.entity';
import { ActionEntity } from '../actions/action.entity';
import { EvidenceEntity } from '../evidence/evidence.entity';
import { MilestoneEntity } from '../milestones/milestone.entity';
import { OwnerEntity } from '../owners/owner.entity';
import { PlanAreaEntity } from '../plans/plan-area.entity';
import { PlanPriorityEntity } from '../plans/plan-priority.entity';
import { PlanEntity } from '../plans/plan.entity';
import { openReadDatabase, ReadDatabaseConfig } from '../read-database';
import { TimelineEntryEntity } from '../timeline/timeline-entry.entity';
import { defaultProjections } from '../default-projections';
import {
  BOARD_CHAIR,
  checkpointsOf,
  describeOn,
  freshReadDatabase,
  History,
  ids,
  PEOPLE,
  PLAN_A,
  PLAN_B,
  READ_DATABASE_KINDS,
  snapshotTables,
  writeHistory,
} from './history.fixture';
import { Projection, ProjectedEvent } from './projection';
import { ProjectionRunner } from './projection-runner';

/** Records every event each projection is handed, so a test can tell applied from skipped. */
function spied(projections: Projection[], seen: bigint[]): Projection[] {
  return projections.map((p): Projection => ({
    name: p.name,
    apply: (event, manager) => {
      seen.push(event.recorded.position);
      return p.apply(event, manager);
    },
  }));
}

/** Stands in for a crash half-way through a batch, after the other projections have written. */
class FaultyProjection implements Projection {
  readonly name = 'faulty';
  failAt: bigint | undefined;

  async apply(event: ProjectedEvent): Promise<void> {
    if (event.recorded.position === this.failAt) throw new Error(`simulated crash at position ${this.failAt}`);
  }
}

const isActionEvent = (e: RecordedEvent) => isStreamOf('action', e.streamId);

for (const kind of READ_DATABASE_KINDS) {
  describeOn(kind)(`ProjectionRunner on ${kind}`, () => {
    const store = upcastOnRead(new SqliteEventStore({ filename: ':memory:', pollIntervalMs: 20 }), currentVersionOf);
    const drops: Array<() => Promise<void>> = [];
    const openFresh = async (): Promise<[DataSource, ReadDatabaseConfig]> => {
      const db = await freshReadDatabase(kind);
      drops.push(db.drop);
      return [await openReadDatabase(db.config), db.config];
    };

    afterAll(async () => {
      await store.close();
      for (const drop of drops) await drop();
    });

    describe('live, from a catch-up subscription', () => {
      let dataSource: DataSource;
      let config: ReadDatabaseConfig;
      let runner: ProjectionRunner;
      let history: History;
      const action = (planKey: 'a' | 'b', ref: string) =>
        dataSource.getRepository(ActionEntity).findOneByOrFail({ actionId: ids[planKey][ref] });

      beforeAll(async () => {
        [dataSource, config] = await openFresh();
        runner = new ProjectionRunner(store, dataSource, defaultProjections());
        await runner.start();
        history = await writeHistory(store);
        await runner.waitForPosition(history.lastPosition);
      });

      afterAll(async () => {
        await runner.stop();
        if (dataSource.isInitialized) await dataSource.destroy();
      });

      it('keeps each action row at its latest RAG, status, revision, as-at date and owner', async () => {
        expect(await action('a', '8.2')).toMatchObject({
          planId: PLAN_A,
          refSortKey: '000008.000002',
          rag: 'BLUE',
          status: 'COMPLETE',
          revision: 15,
          lastAsAt: '2026-01-20',
          lastUpdatedOn: '2026-01-20',
          completedOn: '2026-01-20',
          dueDate: '2026-03-31',
          latestCommentary: 'Refreshed forecast accepted',
          ownerId: PEOPLE.director.ownerId,
          ownerName: 'Helen Marsh',
        });
        expect(await action('a', '1.9')).toMatchObject({ rag: 'RED', status: 'OPEN', revision: 1, lastAsAt: '2025-10-01' });
        expect(await action('a', '6.3')).toMatchObject({ rag: 'NOT_YET_RATED', revision: 0, lastAsAt: null, lastUpdatedOn: '2025-11-30' });
        expect(await action('a', '5.6')).toMatchObject({ status: 'WITHDRAWN', closingReason: 'Folded into the admissions review' });
        expect(await action('a', '6.1')).toMatchObject({ status: 'SUPERSEDED', rag: 'AMBER', supersededByActionId: ids.a['6.3'] });
        expect(await action('b', '8.2')).toMatchObject({ planId: PLAN_B, rag: 'RED', ownerId: PEOPLE.neighbourFinance.ownerId });
        const priorities = await dataSource.getRepository(ActionPriorityEntity).findBy({ actionId: ids.a['8.9'] });
        expect(priorities.map((p) => p.priorityNumber).sort()).toEqual([2, 7]);
      });

      it('records milestones with the date each was completed', async () => {
        const milestones = await dataSource.getRepository(MilestoneEntity).find({ where: { actionId: ids.a['8.2'] }, order: { addedAtRevision: 'ASC' } });
        expect(milestones.map(({ milestoneId, completedOn, addedAtRevision }) => ({ milestoneId, completedOn, addedAtRevision }))).toEqual([
          { milestoneId: 'ms-draft', completedOn: '2025-11-28', addedAtRevision: 1 },
          { milestoneId: 'ms-governance', completedOn: '2026-01-08', addedAtRevision: 6 },
        ]);
      });

      it('keeps the evidence register with who reviewed it, from the event metadata', async () => {
        const evidence = await dataSource.getRepository(EvidenceEntity).find({ order: { evidenceId: 'ASC' } });
        const reviewed = evidence.map((e) => [e.evidenceId, e.planId, e.status, e.rejectionReason, e.reviewedBy, e.reviewedAt]);
        expect(reviewed).toEqual([
          ['ev-advisers', PLAN_B, 'ACCEPTED', null, 'board-secretary', '2025-12-15T10:00:00.000Z'],
          ['ev-draft', PLAN_A, 'REJECTED', 'Reconcile with the Q2 forecast gap of £71m', BOARD_CHAIR.displayName, '2025-12-10T10:00:00.000Z'],
          ['ev-minutes', PLAN_A, 'ACCEPTED', null, BOARD_CHAIR.displayName, '2026-01-10T10:00:00.000Z'],
        ]);
      });

      it('lists both the old and the new owner after a reassignment', async () => {
        const owners = await dataSource.getRepository(OwnerEntity).find({ order: { planId: 'ASC', name: 'ASC' } });
        const named = (planId: string) => owners.filter((o) => o.planId === planId).map((o) => o.name);
        expect(named(PLAN_A)).toEqual(['Daniel Price', 'Helen Marsh', 'Rachel Whitfield', 'Tom Okafor']);
        expect(named(PLAN_B)).toEqual(['Dana Brooks', 'Dr Aisha Rahman']);
        // Rachel Whitfield owned only 8.2, and still appears once it moved to the director.
        expect(owners.find((o) => o.ownerId === PEOPLE.finance.ownerId)).toMatchObject({ role: 'Finance Lead – High Needs' });
      });

      it('writes exactly one timeline entry per action event, in revision order, with the actor', async () => {
        const actionEvents = (await store.readAll()).filter(isActionEvent);
        const entries = await dataSource.getRepository(TimelineEntryEntity).find({ order: { position: 'ASC' } });
        expect(entries.map((t) => [t.position, t.actionId, t.revision, t.eventType, t.occurredAt, t.actorUserId, t.actorName, t.actorRole, t.correlationId])).toEqual(
          actionEvents.map((e) => {
            const { actor, occurredAt, correlationId } = e.metadata;
            const actionId = (e.data as { actionId: string }).actionId;
            return [e.position, actionId, Number(e.revision), e.type, occurredAt, actor?.userId ?? null, actor?.displayName ?? null, actor?.role ?? null, correlationId];
          }),
        );
        const of82 = entries.filter((t) => t.actionId === ids.a['8.2']);
        expect(of82.map((t) => t.revision)).toEqual([...Array(16).keys()]);
        expect(of82.map((t) => t.eventType)).toEqual([
          'ActionAdded', 'MilestoneAdded', 'ProgressReported', 'OwnerReassigned', 'ProgressReported', 'MilestoneCompleted',
          'MilestoneAdded', 'DueDateRescheduled', 'EvidenceAttached', 'EvidenceRejected', 'MilestoneCompleted',
          'EvidenceAttached', 'EvidenceAccepted', 'ActionCompleted', 'ActionReopened', 'ActionCompleted',
        ]);
        expect(of82[9]).toMatchObject({ actorUserId: 'board-chair', actorName: BOARD_CHAIR.displayName, actorRole: 'board-chair' });
        expect(of82[1].correlationId).toBe(of82[0].correlationId);
      });

      it('projects plans with their eight areas and seven recovery priorities', async () => {
        const plans = await dataSource.getRepository(PlanEntity).find({ order: { planId: 'ASC' } });
        expect(plans.map(({ planId, version, approvedOn, staleAfterDays, revision }) => ({ planId, version, approvedOn, staleAfterDays, revision }))).toEqual([
          { planId: PLAN_B, version: '1.0', approvedOn: '2025-09-01', staleAfterDays: 28, revision: 0 },
          { planId: PLAN_A, version: '2.1', approvedOn: '2026-01-21', staleAfterDays: 30, revision: 2 },
        ]);
        for (const planId of [PLAN_A, PLAN_B]) {
          const areas = await dataSource.getRepository(PlanAreaEntity).find({ where: { planId }, order: { number: 'ASC' } });
          const priorities = await dataSource.getRepository(PlanPriorityEntity).find({ where: { planId }, order: { number: 'ASC' } });
          expect(areas.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
          expect(areas[7].name).toBe('Managing Resources');
          expect(priorities.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
        }
      });

      it('a runner started over an existing database resumes from the stored checkpoint', async () => {
        await runner.stop();
        await dataSource.destroy();
        const stoppedAt = history.lastPosition;
        const now = '2026-01-30T09:00:00.000Z';
        const progress: ActionCommand = {
          type: 'ReportProgress',
          data: { actionId: ids.a['1.10'], rag: 'RED', commentary: 'DfE return late', asAt: '2026-01-30' },
        };
        const addWayForward: ActionCommand = {
          type: 'AddAction',
          data: {
            actionId: actionIdFor(PLAN_B, '3.4'),
            planId: PLAN_B,
            ref: '3.4',
            areaNumber: 3,
            priorityNumbers: [2],
            title: 'Way Forward meetings',
            description: 'Meet families when an assessment request is declined.',
            intendedImpact: 'Fewer appeals to tribunal.',
            owner: PEOPLE.clinical,
            leadOrganisation: 'NHS Dorset ICB',
            dueDate: '2026-07-31',
          },
        };
        await history.writer.action(progress, now, BOARD_CHAIR);
        const added = await history.writer.action(addWayForward, now, BOARD_CHAIR);

        dataSource = await openReadDatabase(config);
        const seen: bigint[] = [];
        runner = new ProjectionRunner(store, dataSource, spied(defaultProjections(), seen));
        await runner.start();
        await runner.waitForPosition(added.position!);

        expect(seen).toHaveLength(2 * defaultProjections().length);
        expect(seen.every((position) => position > stoppedAt)).toBe(true);
        expect(await action('a', '1.10')).toMatchObject({ rag: 'RED', revision: 3, lastAsAt: '2026-01-30' });
        expect(await dataSource.getRepository(ActionEntity).countBy({ planId: PLAN_B })).toBe(3);
        expect(await dataSource.getRepository(TimelineEntryEntity).countBy({ actionId: ids.a['1.10'] })).toBe(4);
        expect(Object.values(await checkpointsOf(dataSource))).toEqual(Array(defaultProjections().length).fill(String(added.position)));
      });
    });

    describe('at an event this build cannot read', () => {
      it('stops before it, says where once instead of retrying at every poll, and applies nothing after it', async () => {
        const ownStore = upcastOnRead(new SqliteEventStore({ filename: ':memory:', pollIntervalMs: 20 }), currentVersionOf);
        const [dataSource] = await openFresh();
        const errors: unknown[] = [];
        const runner = new ProjectionRunner(ownStore, dataSource, defaultProjections(), (error) => errors.push(error));
        try {
          const history = await writeHistory(ownStore);
          const unknown = { id: randomUUID(), type: 'ActionEscalated', data: {}, metadata: { schemaVersion: 1, occurredAt: '2026-01-05T09:00:00.000Z' } };
          const { position } = await ownStore.appendToStream(`action-${randomUUID()}`, [unknown], 'no_stream');
          await ownStore.appendToStream(`action-${randomUUID()}`, [{ ...unknown, id: randomUUID(), type: 'ActionEscalatedAgain' }], 'no_stream');

          await runner.start();
          await runner.waitForPosition(history.lastPosition);
          for (let i = 0; i < 100 && errors.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
          // Ten polls' worth of time: a runner that retried would have reported it again by now.
          await new Promise((resolve) => setTimeout(resolve, 200));

          expect(errors).toHaveLength(1);
          expect(errors[0]).toBeInstanceOf(UnreadableEventError);
          expect(errors[0]).toMatchObject({ event: { position, type: 'ActionEscalated', schemaVersion: 1 } });
          expect((errors[0] as Error).message).toMatch(new RegExp(`^The event at position ${position} \\(stream action-.+, revision 0\\) is ActionEscalated v1, which this build cannot read: Cannot load event ActionEscalated v1`));
          expect(runner.stoppedAt).toBe(errors[0]);
          expect(runner.position).toBe(history.lastPosition);
          expect((await ownStore.readAll({ after: history.lastPosition, withHashes: true }))[0].position).toBe(position);
          expect(Object.values(await checkpointsOf(dataSource)).every((at) => at === String(history.lastPosition))).toBe(true);
        } finally {
          await runner.stop();
          await ownStore.close();
          await dataSource.destroy();
        }
      });
    });

    describe('applyBatch', () => {
      let dataSource: DataSource;
      let events: RecordedEvent[];
      let runner: ProjectionRunner;
      const faulty = new FaultyProjection();
      const seen: bigint[] = [];

      beforeAll(async () => {
        [dataSource] = await openFresh();
        events = await store.readAll();
        runner = new ProjectionRunner(store, dataSource, [...spied(defaultProjections(), seen), faulty]);
      });

      afterAll(() => dataSource.destroy());

      it('rolls back every row and every checkpoint of a batch that fails part-way', async () => {
        const first = events.slice(0, 10);
        await runner.applyBatch(first);
        const before = await snapshotTables(dataSource);
        const checkpointsBefore = await checkpointsOf(dataSource);
        expect(Object.values(checkpointsBefore)).toEqual(Array(defaultProjections().length + 1).fill(String(first[9].position)));

        const failIndex = events.findIndex((e) => e.type === 'OwnerReassigned');
        const second = events.slice(10, failIndex + 5);
        const addedInBatch = second.filter((e) => e.type === 'ActionAdded' && events.indexOf(e) < failIndex);
        expect(addedInBatch.length).toBeGreaterThan(0);
        faulty.failAt = events[failIndex].position;

        await expect(runner.applyBatch(second)).rejects.toThrow('simulated crash');
        expect(await snapshotTables(dataSource)).toEqual(before);
        expect(await checkpointsOf(dataSource)).toEqual(checkpointsBefore);
        const actionIds = addedInBatch.map((e) => (e.data as { actionId: string }).actionId);
        expect(await dataSource.getRepository(ActionEntity).countBy(actionIds.map((actionId) => ({ actionId })))).toBe(0);

        faulty.failAt = undefined;
        await runner.applyBatch(second);
        await runner.applyBatch(events.slice(second.length + 10));

        const last = String(events[events.length - 1].position);
        const timeline = await dataSource.getRepository(TimelineEntryEntity).find();
        expect(timeline).toHaveLength(events.filter(isActionEvent).length);
        expect(new Set(timeline.map((t) => `${t.actionId}@${t.revision}`)).size).toBe(timeline.length);
        expect(Object.values(await checkpointsOf(dataSource))).toEqual(Array(defaultProjections().length + 1).fill(last));
        for (const actionId of Object.values({ ...ids.a, ...ids.b })) {
          const stream = await store.readStream(`action-${actionId}`);
          const row = await dataSource.getRepository(ActionEntity).findOneByOrFail({ actionId });
          expect(row.revision).toBe(Number(stream[stream.length - 1].revision));
        }
      });

      it('skips a batch it has already applied: same rows, same checkpoints', async () => {
        const before = await snapshotTables(dataSource);
        const checkpointsBefore = await checkpointsOf(dataSource);
        seen.length = 0;

        await runner.applyBatch(events.slice(0, 10));
        await runner.applyBatch(events);

        expect(seen).toEqual([]);
        expect(await snapshotTables(dataSource)).toEqual(before);
        expect(await checkpointsOf(dataSource)).toEqual(checkpointsBefore);
        expect(runner.position).toBe(events[events.length - 1].position);
      });
    });

    if (kind === 'postgres') {
      describe('applyBatch on PostgreSQL, where the checkpoints and the rows could go apart', () => {
        // A history of their own, so these hold when run alone.
        const store = upcastOnRead(new SqliteEventStore({ filename: ':memory:', pollIntervalMs: 20 }), currentVersionOf);
        beforeAll(() => writeHistory(store));
        afterAll(() => store.close());

        it('commits the checkpoints in the same transaction as the rows: a batch whose commit fails leaves neither', async () => {
          const [dataSource] = await openFresh();
          try {
            const events = await store.readAll();
            const runner = new ProjectionRunner(store, dataSource, defaultProjections());
            await runner.applyBatch(events.slice(0, 10));
            const before = await snapshotTables(dataSource);
            const checkpointsBefore = await checkpointsOf(dataSource);
            // Refuses the batch at COMMIT, after every statement of it (checkpoints included) has
            // run: a checkpoint written outside the batch's transaction would already be committed.
            await dataSource.query(`CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$`);
            await dataSource.query(`CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON "actions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_at_commit()`);
            const rest = events.slice(10);
            expect(rest.some((e) => e.type === 'ActionAdded')).toBe(true);

            await expect(runner.applyBatch(rest)).rejects.toThrow('refused at commit');
            expect(await checkpointsOf(dataSource)).toEqual(checkpointsBefore);
            expect(await snapshotTables(dataSource)).toEqual(before);

            await dataSource.query(`DROP TRIGGER refuse_at_commit ON "actions"`);
            await runner.applyBatch(rest);
            const last = String(events[events.length - 1].position);
            expect(Object.values(await checkpointsOf(dataSource))).toEqual(Array(defaultProjections().length).fill(last));
            expect(await dataSource.getRepository(TimelineEntryEntity).count()).toBe(events.filter(isActionEvent).length);
          } finally {
            await dataSource.destroy();
          }
        });

        it('serialises two runners applying the same events at once: each event applied once, no duplicate rows', async () => {
          const [first, config] = await openFresh();
          const second = await openReadDatabase(config);
          try {
            const events = await store.readAll();
            // Holds each runner at its first event until the other arrives or 300 ms pass, so
            // without the batch lock both are inside their transactions together, every run.
            let arrived = 0;
            let release!: () => void;
            const bothThere = new Promise<void>((resolve) => (release = resolve));
            const meeting = (): Projection => {
              let met = false;
              return {
                name: 'meeting-point',
                apply: async () => {
                  if (met) return;
                  met = true;
                  if (++arrived === 2) release();
                  await Promise.race([bothThere, new Promise((resolve) => setTimeout(resolve, 300))]);
                },
              };
            };
            const runners = [first, second].map((ds) => new ProjectionRunner(store, ds, [meeting(), ...defaultProjections()]));

            const outcomes = await Promise.allSettled(runners.map((r) => r.applyBatch(events)));
            expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'applied'))).toEqual(['applied', 'applied']);
            expect(arrived).toBe(1);
            const timeline = await first.getRepository(TimelineEntryEntity).find();
            expect(timeline).toHaveLength(events.filter(isActionEvent).length);
            expect(Object.values(await checkpointsOf(first))).toEqual(Array(defaultProjections().length + 1).fill(String(events[events.length - 1].position)));
          } finally {
            await second.destroy();
            await first.destroy();
          }
        });
      });
    }
  });
}
