import { PlanCommandService } from '../apps/api/src/commands/plan-command.service';
import { ProjectionService } from '../apps/api/src/infrastructure/projection.service';
import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';

const ENTRIES = 1_000;
const PAGE = `query ($id: ID!, $first: Int, $after: String) {
  action(id: $id) { timelineEntries(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { revision eventType summary supersededByRevision supersedesRevision } } } }
}`;
const ACTOR = { userId: 'tester', displayName: 'Alex Morgan', role: 'ACTION_OWNER' };

type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: { revision: number; eventType: string; supersededByRevision: number | null; supersedesRevision: number | null } }[] };

/** An action's history runs to hundreds of entries; a client reads it a page at a time, newest first. */
describe('An action’s timeline, a page at a time', () => {
  let app: TestApp;
  let actionId: string;
  const page = async (variables: { first?: number; after?: string | null }): Promise<Page> => {
    const res = await app.gql(PAGE, { id: actionId, ...variables });
    expect(res.errors).toBeUndefined();
    return res.data.action.timelineEntries;
  };

  beforeAll(async () => {
    app = await startTestApp();
    await app.gql(CREATE_PLAN, { input: planInput('long-history') });
    const added = (await app.gql(ADD_ACTION, { input: actionInput('long-history', '8.2') })).data.addAction;
    actionId = added.id;
    // The action as added, then updates until the last is a correction of revision 5: 1,000 entries.
    const commands = app.app.get(PlanCommandService);
    for (let n = added.revision + 1; n < ENTRIES - 1; n++) {
      await commands.executeActionCommand(
        { type: 'ReportProgress', data: { actionId, rag: n % 3 ? 'AMBER' : 'GREEN', commentary: `Weekly note ${n}`, asAt: '2026-06-14' } },
        undefined,
        { principal: 'system', actor: ACTOR },
      );
    }
    const corrected = await app.gql(`mutation ($input: CorrectProgressInput!) { correctProgress(input: $input) { revision } }`, {
      input: { actionId, expectedRevision: ENTRIES - 2, supersedesRevision: 5, rag: 'RED', commentary: 'Week 5 was off track', asOfDate: '2026-06-14', reason: 'Wrong forecast used' },
    });
    expect(corrected.errors).toBeUndefined();
    await app.app.get(ProjectionService).caughtUpToHead();
  }, 180_000);

  afterAll(() => app?.close());

  it('answers the first page newest first, with the total and a cursor for the rest', async () => {
    const first = await page({});
    expect(first.totalCount).toBe(ENTRIES);
    expect(first.edges).toHaveLength(20);
    expect(first.edges.map((e) => e.node.revision)).toEqual(Array.from({ length: 20 }, (_, i) => ENTRIES - 1 - i));
    expect(first.edges[0].node).toMatchObject({ eventType: 'ProgressCorrected', supersedesRevision: 5 });
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[19].cursor });
  });

  it('goes on from a cursor with the next older entries, and walks the whole history once, ending on the first', async () => {
    const seen: Page['edges'] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const next: Page = await page({ first: 100, after });
      seen.push(...next.edges);
      pages++;
      if (!next.pageInfo.hasNextPage) break;
      after = next.pageInfo.endCursor;
    }
    expect(pages).toBe(ENTRIES / 100);
    expect(seen.map((e) => e.node.revision)).toEqual(Array.from({ length: ENTRIES }, (_, i) => ENTRIES - 1 - i));
    expect(seen[seen.length - 1].node).toMatchObject({ revision: 0, eventType: 'ActionAdded' });
    // The correction is on the first page; the update it corrects, on the last, still says so.
    expect(seen.find((e) => e.node.revision === 5)!.node.supersededByRevision).toBe(ENTRIES - 1);
    const fromTheMiddle = await page({ first: 3, after: seen[499].cursor });
    expect(fromTheMiddle.edges.map((e) => e.node.revision)).toEqual([499, 498, 497]);
  });

  it('gives the same entries as the whole list it replaces, newest first', async () => {
    const whole = (await app.gql(`query ($id: ID!) { action(id: $id) { timeline { revision supersededByRevision } } }`, { id: actionId })).data.action.timeline;
    const first = await page({ first: 100 });
    expect(first.edges.map((e) => ({ revision: e.node.revision, supersededByRevision: e.node.supersededByRevision }))).toEqual([...whole].reverse().slice(0, 100));
  });

  it('pages the same way as at an instant', async () => {
    const res = await app.gql(`query ($id: ID!, $after: String) { action(id: $id, recordedBy: "2026-06-15") { timelineEntries(first: 5, after: $after) { totalCount edges { node { revision } } pageInfo { endCursor } } } }`, { id: actionId });
    expect(res.errors).toBeUndefined();
    const past = res.data.action.timelineEntries;
    expect(past.totalCount).toBe(ENTRIES);
    expect(past.edges.map((e: { node: { revision: number } }) => e.node.revision)).toEqual([999, 998, 997, 996, 995]);
    const next = await app.gql(`query ($id: ID!, $after: String) { action(id: $id, recordedBy: "2026-06-15") { timelineEntries(first: 2, after: $after) { edges { node { revision } } } } }`, { id: actionId, after: past.pageInfo.endCursor });
    expect(next.data.action.timelineEntries.edges.map((e: { node: { revision: number } }) => e.node.revision)).toEqual([994, 993]);
  });

  it('refuses a cursor it did not issue, another list’s cursor and a page over 100, as bad input', async () => {
    const actionsCursor = (await app.gql(`{ actions(planId: "long-history", first: 1) { pageInfo { endCursor } } }`)).data.actions.pageInfo.endCursor;
    for (const variables of [{ after: 'not-a-cursor' }, { after: actionsCursor }, { first: 101 }]) {
      const res = await app.gql(PAGE, { id: actionId, ...variables });
      expect([variables, res.errors?.[0]?.message, res.errors?.[0]?.extensions?.code]).toEqual([variables, expect.any(String), 'BAD_USER_INPUT']);
    }
  });
});
