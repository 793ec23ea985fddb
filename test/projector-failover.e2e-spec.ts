import { DataSource } from 'typeorm';
import { PlanCommandService } from '../apps/api/src/commands/plan-command.service';
import { ProjectionService } from '../apps/api/src/infrastructure/projection.service';
import { ActiveAndStandby, eventually } from './support/projector-instances';
import { describeWithPostgres } from './support/test-postgres';

const NOW = '2026-06-15T10:00:00.000Z';
const ROUNDS = 300;
const ACTOR = { userId: 'programme-office', displayName: 'Programme office', role: 'programme-office' };

/**
 * Two api instances on one SQLite event store and one PostgreSQL read database. The active one
 * is a real process, killed with SIGKILL half-way through a backlog: no shutdown hook runs, so
 * the lease goes only because PostgreSQL sees its session die.
 */
describeWithPostgres('The active projector killed with SIGKILL mid catch-up', () => {
  let instances: ActiveAndStandby | undefined;
  afterAll(() => instances?.close());

  it('hands over to the standby within seconds, which ends with exactly the rows a full rebuild gives', async () => {
    // A's lease timeout is longer than the pause below: this test is about a killed holder, not a frozen one.
    instances = await ActiveAndStandby.start({ now: NOW, leaseTimeoutMs: 300_000 });
    const { observer, standby } = instances;
    const active = instances.active.child;
    const exited = instances.active.exited;
    const leaseHolder = () => observer.holder();
    const lowestCheckpoint = () => observer.lowestCheckpoint();

    const projection = standby.app.get(ProjectionService);
    expect(projection.isProjecting).toBe(false);
    expect(await leaseHolder()).toBe('instance-a');

    // A backlog through the real command path of B: one progress report per open action per round.
    // A is paused meanwhile (SIGSTOP; its session and lease stay up), or it keeps pace with the
    // writes and there is nothing left to catch up on when it dies.
    const store = standby.store();
    const start = Number(await store.headPosition());
    expect(await lowestCheckpoint()).toBe(start);
    active.kill('SIGSTOP');
    const all = await store.readAll();
    const closing = new Set(['ActionCompleted', 'ActionWithdrawn', 'ActionSuperseded']);
    const closed = new Set(all.filter((e) => closing.has(e.type)).map((e) => e.data.actionId as string));
    const open = all.filter((e) => e.type === 'ActionAdded').map((e) => e.data.actionId as string).filter((id) => !closed.has(id));
    const commands = standby.app.get(PlanCommandService);
    for (let round = 0; round < ROUNDS; round++) {
      await Promise.all(
        open.map((actionId) =>
          commands.executeActionCommand(
            { type: 'ReportProgress', data: { actionId, rag: round % 2 ? 'AMBER' : 'GREEN', commentary: `Round ${round}`, asAt: NOW.slice(0, 10) } },
            undefined,
            { principal: 'system', actor: ACTOR },
          ),
        ),
      );
    }
    const head = Number(await store.headPosition());
    expect(head - start).toBe(ROUNDS * open.length);
    expect([await leaseHolder(), projection.isProjecting]).toEqual(['instance-a', false]);
    active.kill('SIGCONT');

    // Kill A once it has applied part of the backlog and not all of it.
    const reached = await eventually('instance A is part-way through the backlog', async () => {
      const at = await lowestCheckpoint();
      if (at >= head) throw new Error(`instance A caught up (${at} of ${head}) before it could be killed; make the backlog bigger`);
      return at > start && at;
    }, 20_000);
    active.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const killedAt = Date.now();
    const atKill = await lowestCheckpoint();
    expect(atKill).toBeGreaterThanOrEqual(reached);
    expect(atKill).toBeLessThan(head);

    // B takes the lease once PostgreSQL has ended A's session, and catches up.
    await eventually('instance B takes over', async () => projection.isProjecting && (await leaseHolder()) === 'instance-b', 10_000);
    const tookOverMs = Date.now() - killedAt;
    expect(tookOverMs).toBeLessThan(10_000);
    await projection.caughtUpToHead(30_000);
    const caughtUpMs = Date.now() - killedAt;
    expect(await lowestCheckpoint()).toBe(head);

    // Every action event (and minuted decision) has exactly one timeline line, keyed by its position: none skipped, none extra.
    const events = await store.readAll();
    // Timeline lines: an action's own events, decisions about it, and the dependencies of the action that waits.
    const expected = events.filter((e) => e.streamId.startsWith('action-') || e.type === 'DecisionRecorded' || e.streamId.startsWith('dependencies-')).map((e) => String(e.position));
    const timeline: { position: string }[] = await standby.app.get(DataSource).query('SELECT position FROM timeline_entries ORDER BY position');
    expect(timeline.map((t) => String(t.position))).toEqual(expected);

    await instances.expectStandbyEqualsRebuild();
    console.log(
      `projector failover: A killed at checkpoint ${atKill} (backlog ${start}..${head}); B took over in ${tookOverMs} ms and caught up in ${caughtUpMs} ms`,
    );
  }, 60_000);
});
