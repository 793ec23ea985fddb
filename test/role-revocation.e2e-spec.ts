import { LiveUserDirectory } from '@send/read-models';
import { CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TEST_AREA, TestApp } from './support/test-app';
import { describeWithPostgres } from './support/test-postgres';

const GRANT = `mutation ($input: RoleGrantInput!) { grantRole(input: $input) { id } }`;
const REVOKE = `mutation ($input: RoleGrantInput!) { revokeRole(input: $input) { id } }`;
const AREA_PEOPLE = `{ users(localAreaId: "${TEST_AREA}") { id } }`;
/** Longest a revoke may take to reach another instance: NOTIFY wakes it at once; the store's poll (1 s) is the fallback. */
const PROJECTION_LAG_MS = 2_000;

const grant = (userId: string) => ({ input: { userId, role: 'DFE_ADVISER', localAreaId: TEST_AREA } });
const refusal = (response: { errors?: { extensions?: Record<string, any> }[] }) => response.errors?.[0]?.extensions?.code;

/**
 * Signing in reads roles from a directory each instance keeps in memory (LiveUserDirectory). A revoke
 * must reach it like any other write: on the instance that took it, before the revoke is acknowledged;
 * on every other instance, as fast as that instance hears of the append, not on a timer.
 */
describe('A revoked role is refused on the instance that revoked it, at the very next request', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    await app.gql(CREATE_PLAN, { input: planInput('revocation') });
  });

  afterAll(() => app?.close());

  it('refuses the first request after the revoke is acknowledged, every time', async () => {
    await app.addUser({ userId: 'departing-adviser', roles: [], areas: [] });
    for (let round = 0; round < 20; round++) {
      expect((await app.gql(GRANT, grant('departing-adviser'))).errors).toBeUndefined();
      expect((await app.as('departing-adviser').gql(AREA_PEOPLE)).errors).toBeUndefined();
      expect((await app.gql(REVOKE, grant('departing-adviser'))).errors).toBeUndefined();
      expect(refusal(await app.as('departing-adviser').gql(AREA_PEOPLE))).toBe('NOT_FOUND');
    }
  });

  it('does not acknowledge a revoke while this instance would still let the person in', async () => {
    await app.addUser({ userId: 'stalled-adviser', roles: ['DFE_ADVISER'], areas: [TEST_AREA] });
    const directory = app.app.get(LiveUserDirectory);
    // Stands in for a directory that has not yet caught up (a busy event loop, a long backlog).
    await directory.stop();
    try {
      const revoked = await app.gql(REVOKE, grant('stalled-adviser'));
      expect(revoked.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', recorded: true });
      expect(refusal(await app.as('stalled-adviser').gql(AREA_PEOPLE))).toBeUndefined();
    } finally {
      await directory.start();
    }
    expect(refusal(await app.as('stalled-adviser').gql(AREA_PEOPLE))).toBe('NOT_FOUND');
  }, 20_000);
});

describeWithPostgres('A role revoked on one api instance is refused on another within the projection lag', () => {
  let a: Awaited<ReturnType<typeof startTestApp>>;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp({ eventStore: 'postgres' });
    await a.gql(CREATE_PLAN, { input: planInput('revocation-elsewhere') });
    b = await startTestApp({ eventStore: 'postgres', reuse: { dataDir: a.dataDir, postgres: a.postgres } });
  }, 60_000);

  afterAll(async () => {
    await b?.close({ discard: false }).catch(() => undefined);
    await a?.close();
  });

  /** How long after `since` the person's request on B is first answered with `expected` (a refusal code, or undefined for allowed). */
  const untilOnB = async (userId: string, expected: string | undefined, since: number): Promise<number> => {
    for (;;) {
      const answer = refusal(await b.as(userId).gql(AREA_PEOPLE));
      const waited = Date.now() - since;
      if (answer === expected) return waited;
      if (waited > PROJECTION_LAG_MS) throw new Error(`B still answered ${answer ?? 'allowed'} ${waited} ms after the change on A`);
    }
  };

  it('lets B see a grant made on A, then refuses on B a revoke made on A', async () => {
    const lags: number[] = [];
    await a.addUser({ userId: 'moving-on', roles: [], areas: [] });
    for (let round = 0; round < 5; round++) {
      expect((await a.gql(GRANT, grant('moving-on'))).errors).toBeUndefined();
      lags.push(await untilOnB('moving-on', undefined, Date.now()));
      expect((await a.gql(REVOKE, grant('moving-on'))).errors).toBeUndefined();
      lags.push(await untilOnB('moving-on', 'NOT_FOUND', Date.now()));
    }
    // Within NOTIFY's latency, well under the poll that is the fallback.
    expect(Math.max(...lags)).toBeLessThan(PROJECTION_LAG_MS);
    console.log(`grant/revoke on A reached B after ${lags.join(', ')} ms`);
  });
});
