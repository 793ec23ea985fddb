import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { currentVersionOf } from '@send/domain';
import { PostgresEventStore, upcastOnRead, verifyEventStore } from '@send/event-store';
import { ProjectionService } from '../apps/api/src/infrastructure/projection.service';
import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { eventually, expectEqualsRebuild, LeaseObserver, named, spawnApiInstance } from './support/projector-instances';
import { startTestApp, TestApp, TESTER } from './support/test-app';
import { describeWithPostgres, FreshDatabase } from './support/test-postgres';

const PLAN = 'many-instances';
const ACTIONS = 6;
const WRITES_PER_ACTION = 30;
const REPORT = change('reportProgress', 'ReportProgressInput');

type Instance = { name: string; url: string; alive: () => boolean };
type Outcome = { commandId: string; acknowledged: boolean; recorded: boolean };

/**
 * Three api instances on one PostgreSQL database holding both the events and the read models:
 * two real processes and one in the test's own. Writers send to all three at once; the instance
 * holding the projector lease is killed with SIGKILL half-way through. What must hold afterwards:
 * every write an instance acknowledged is recorded exactly once, the hash chains verify, and the
 * read models equal a rebuild from the events.
 */
describeWithPostgres('Three api instances on one PostgreSQL, the projector holder killed mid-burst', () => {
  let dataDir: string;
  let postgres: FreshDatabase;
  let observer: LeaseObserver | undefined;
  const children: Awaited<ReturnType<typeof spawnApiInstance>>[] = [];
  let inProcess: TestApp | undefined;
  let rebuilt: FreshDatabase | undefined;

  afterAll(async () => {
    for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await inProcess?.close({ discard: false }).catch(() => undefined);
    await observer?.close().catch(() => undefined);
    await rebuilt?.drop().catch(() => undefined);
    await postgres?.drop().catch(() => undefined);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write exactly once, a chain that verifies and read models equal to a rebuild', async () => {
    const seed = await startTestApp({ eventStore: 'postgres' });
    ({ dataDir } = seed);
    postgres = seed.postgres!;
    await seed.gql(CREATE_PLAN, { input: planInput(PLAN) });
    const actions: { id: string; revision: number }[] = [];
    for (let i = 1; i <= ACTIONS; i++) actions.push((await seed.gql(ADD_ACTION, { input: actionInput(PLAN, `1.${i}`) })).data.addAction);
    await seed.close({ discard: false });

    observer = await LeaseObserver.connect(postgres.url);
    const env = (name: string) => ({ EVENT_STORE: 'postgres', READ_DATABASE: 'postgres', READ_DATABASE_URL: named(postgres.url, name), PROJECTOR_LEASE_TIMEOUT_MS: '300000', AUTH_ISSUER: 'send-tracker-test' });
    for (const name of ['instance-a', 'instance-b']) children.push(await spawnApiInstance({ dataDir, env: env(name) }));
    const [a, b] = children;
    await eventually('instance A or B holds the projector lease', async () => ['instance-a', 'instance-b'].includes((await observer!.holder()) ?? ''), 120_000).catch((error) => {
      throw new Error(`${error.message}\n--- A said:\n${a.output()}\n--- B said:\n${b.output()}`);
    });
    inProcess = await startTestApp({ eventStore: 'postgres', reuse: { dataDir, postgres: { url: named(postgres.url, 'instance-c'), drop: async () => undefined } } });
    const token = await inProcess.token(TESTER);
    const portOf = async (spawned: (typeof children)[number]) =>
      eventually('the instance says where it listens', async () => /http:\/\/localhost:(\d+)\/graphql/.exec(spawned.output())?.[1], 120_000);
    const instances: Instance[] = [
      { name: 'instance-a', url: `http://127.0.0.1:${await portOf(a)}/graphql`, alive: () => a.child.exitCode === null && a.child.signalCode === null },
      { name: 'instance-b', url: `http://127.0.0.1:${await portOf(b)}/graphql`, alive: () => b.child.exitCode === null && b.child.signalCode === null },
      { name: 'instance-c', url: inProcess.url, alive: () => true },
    ];
    const holder = (await observer.holder())!;
    const victim = children[holder === 'instance-a' ? 0 : 1];

    // Each writer reports on its own action, through whichever instance is next; a write that
    // fails to arrive (the killed instance) is tried again on the next instance with the same command id.
    const outcomes: Outcome[] = [];
    let sent = 0;
    let killedAfter: number | undefined;
    const send = async (instance: Instance, input: Record<string, unknown>) => {
      const response = await fetch(instance.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: REPORT, variables: { input } }),
      });
      return (await response.json()) as { data?: { reportProgress: { revision: number } }; errors?: { extensions?: Record<string, unknown> }[] };
    };
    await Promise.all(
      actions.map(async (action, w) => {
        let revision = action.revision;
        for (let n = 0; n < WRITES_PER_ACTION; n++) {
          const commandId = randomUUID();
          const input = { actionId: action.id, expectedRevision: revision, rag: n % 2 ? 'AMBER' : 'GREEN', commentary: `Writer ${w}, report ${n}`, asAt: '2026-06-01', commandId };
          sent += 1;
          if (sent === Math.floor((ACTIONS * WRITES_PER_ACTION) / 2) && killedAfter === undefined) {
            killedAfter = sent;
            victim.child.kill('SIGKILL');
          }
          let outcome: Outcome = { commandId, acknowledged: false, recorded: false };
          for (let attempt = 0; attempt < 6 && !outcome.acknowledged; attempt++) {
            const instance = instances[(w + n + attempt) % instances.length];
            if (!instance.alive()) continue;
            const answer = await send(instance, input).catch(() => undefined);
            if (!answer) continue;
            if (answer.data?.reportProgress) {
              outcome = { commandId, acknowledged: true, recorded: true };
              revision = answer.data.reportProgress.revision;
            } else if (answer.errors?.[0]?.extensions?.recorded === true) {
              // Kept, but the read models had not shown it yet (the projector had just died): the same command again is answered from the store.
              outcome = { commandId, acknowledged: false, recorded: true };
            } else {
              throw new Error(`write ${commandId} via ${instance.name} refused: ${JSON.stringify(answer.errors)}`);
            }
          }
          outcomes.push(outcome);
          if (!outcome.acknowledged) throw new Error(`write ${commandId} never acknowledged`);
        }
      }),
    );
    expect(killedAfter).toBeDefined();
    expect(await victim.exited).toBe('SIGKILL');

    // Exactly once: each acknowledged command id is on exactly one event.
    const store = upcastOnRead(await PostgresEventStore.open({ connectionString: postgres.url }), currentVersionOf);
    try {
      const events = await store.readAll();
      const byCommand = new Map<string, number>();
      for (const e of events) if (e.type === 'ProgressReported') byCommand.set(String(e.metadata.commandId), (byCommand.get(String(e.metadata.commandId)) ?? 0) + 1);
      expect(outcomes.filter((o) => o.acknowledged)).toHaveLength(ACTIONS * WRITES_PER_ACTION);
      for (const { commandId } of outcomes) expect([commandId, byCommand.get(commandId)]).toEqual([commandId, 1]);
      expect(byCommand.size).toBe(ACTIONS * WRITES_PER_ACTION);
      const verification = await verifyEventStore(store);
      expect(verification).toMatchObject({ ok: true, eventsChecked: events.length });
    } finally {
      await store.close();
    }

    // The surviving instances take over the projections and end where a rebuild ends.
    const projection = inProcess.app.get(ProjectionService);
    await eventually('a survivor holds the projector lease', async () => (await observer!.holder()) !== holder && (await observer!.holder()) !== undefined, 20_000);
    await projection.caughtUpToHead(30_000);
    rebuilt = await expectEqualsRebuild(inProcess.app.get(DataSource), { postgres: postgres.url });
  }, 300_000);
});
