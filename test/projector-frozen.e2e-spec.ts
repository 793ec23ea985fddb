import { PlanCommandService } from '../apps/api/src/commands/plan-command.service';
import { ProjectionService } from '../apps/api/src/infrastructure/projection.service';
import { ActiveAndStandby, eventually } from './support/projector-instances';
import { describeWithPostgres } from './support/test-postgres';

const NOW = '2026-06-15T10:00:00.000Z';
const LEASE_TIMEOUT_MS = 2000;
const ACTOR = { userId: 'programme-office', displayName: 'Programme office', role: 'programme-office' };

/**
 * The active projector frozen (SIGSTOP) rather than killed: its process, socket and session stay
 * up, so only the lease's idle timeout can free the projections for another instance. When the
 * frozen one wakes it must find its lease gone and stand by, not carry on beside the new holder.
 */
describeWithPostgres('The active projector frozen with SIGSTOP', () => {
  let instances: ActiveAndStandby | undefined;
  afterAll(() => instances?.close());

  it('keeps the lease while alive, loses it within seconds of freezing, and stands by when it wakes', async () => {
    instances = await ActiveAndStandby.start({ now: NOW, leaseTimeoutMs: LEASE_TIMEOUT_MS });
    const { observer, active, standby } = instances;
    const projection = standby.app.get(ProjectionService);

    // Alive and quiet for well past its timeout: the heartbeat keeps the lease where it is.
    await new Promise((resolve) => setTimeout(resolve, LEASE_TIMEOUT_MS * 2.5));
    expect([await observer.holder(), projection.isProjecting]).toEqual(['instance-a', false]);

    active.child.kill('SIGSTOP');
    const frozenAt = Date.now();
    await eventually('instance B takes over from the frozen instance', async () => projection.isProjecting && (await observer.holder()) === 'instance-b', 15_000);
    const tookOverMs = Date.now() - frozenAt;
    expect(tookOverMs).toBeLessThan(LEASE_TIMEOUT_MS + 5000);

    // Writes while A is frozen are projected by B.
    const store = standby.store();
    const actionIds = (await store.readAll()).filter((e) => e.type === 'ActionAdded').map((e) => e.data.actionId as string).slice(0, 5);
    const commands = standby.app.get(PlanCommandService);
    const report = (commentary: string) =>
      Promise.all(
        actionIds.map((actionId) =>
          commands.executeActionCommand({ type: 'ReportProgress', data: { actionId, rag: 'AMBER', commentary, asAt: NOW.slice(0, 10) } }, undefined, { principal: 'system', actor: ACTOR }),
        ),
      );
    await report('Written while instance A was frozen');
    await projection.caughtUpToHead(10_000);

    // A wakes: its session was ended, so it must give the projections up and stand by.
    active.child.kill('SIGCONT');
    await eventually('instance A notices it lost the lease', async () => active.output().includes('Lost the projector lease'), 15_000).catch((error) => {
      throw new Error(`${error.message}\n--- instance A said:\n${active.output()}`);
    });
    await report('Written after instance A woke');
    await projection.caughtUpToHead(10_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await observer.holder()).toBe('instance-b');
    expect(await observer.lowestCheckpoint()).toBe(Number(await store.headPosition()));

    await instances.expectStandbyEqualsRebuild();
    console.log(`projector frozen: B took over ${tookOverMs} ms after A was frozen (lease timeout ${LEASE_TIMEOUT_MS} ms)`);
  }, 90_000);
});
