import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent, SqliteEventStore } from '@send/event-store';
import { startTestApp, TestApp } from './support/test-app';

/**
 * "As at" answers come from folding the event store in memory; a fresh replay comes from the
 * projections writing SQL read models. Two independent paths: for random instants of the demo
 * history, the as-at answer of the full store must equal the live answer of an app that was
 * given only the events up to that instant.
 */
const NOW = '2026-06-15T10:00:00.000Z';
const PLAN = 'demo-plan';
const LIMITS = { maxQueryCost: 1_000_000 };
const RANDOM_INSTANTS = 10;

const ROLL_UP = 'total notYetRated red amber green blue withdrawn superseded percentComplete overdue stale';
const ACTION = `id planId ref areaNumber priorityNumbers title description intendedImpact
  owner { id name role organisation } delegates { userId name } leadOrganisation dueDate status rag
  latestCommentary lastAsAt lastUpdatedOn completedOn supersededByActionId closingReason overdue stale revision
  milestones { id title dueDate completedOn overdue }
  evidence { id actionId kind title link documentReference submittedBy submittedAt status reviewedAt reviewedBy rejectionReason }
  timeline { at revision meetingId eventType summary changes { field from to } actor { userId name role } correlationId }
  originalDueDate dependsOn { dependsOn { ref slipReasons } note declaredAt } dependents { action { ref } } atRiskFrom { from { ref rag dueDate } reasons chain }`;
const PAGE = 'totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ref rag status overdue stale } }';

// Risks and challenge threads take only the new name, recordedBy, for the same instant.
const PLAN_QUERY = `query($id: ID!, $asAt: String) {
  plans(asAt: $asAt) { id title }
  plan(id: $id, asAt: $asAt) {
    id localArea { id name } title version approvedOn staleAfterDays revision
    rollUp { ${ROLL_UP} }
    areas { number name description rollUp { ${ROLL_UP} } atRiskFromDependencies }
    priorities { number name description rollUp { ${ROLL_UP} } atRiskFromDependencies }
    dependencies { revision actionsAtRisk dependencies { action { ref } dependsOn { ref } note declaredAt }
      slipping { action { ref slipReasons } reasons atRisk { action { ref } chain } } }
    actions(first: 100) { totalCount edges { cursor node { ${ACTION} } } }
    owners { owner { id name role organisation } openActions totalActions overdue stale actionRefs }
  }
  overdue: actions(planId: $id, asAt: $asAt, filter: { overdue: true }, first: 100) { ${PAGE} }
  stale: actions(planId: $id, asAt: $asAt, filter: { stale: true }, first: 100) { ${PAGE} }
  red: actions(planId: $id, asAt: $asAt, filter: { rag: RED }, first: 100) { ${PAGE} }
  byRef: actions(planId: $id, asAt: $asAt, filter: { ref: "8.2" }, first: 100) { ${PAGE} }
  sufficiency: actions(planId: $id, asAt: $asAt, filter: { area: 6, priority: 5, stale: false }, first: 3) { ${PAGE} }
  firstPage: actions(planId: $id, asAt: $asAt, first: 7) { ${PAGE} }
  owners(planId: $id, asAt: $asAt) { owner { id } openActions overdue stale }
  risks(planId: $id, recordedBy: $asAt, statuses: [OPEN, CLOSED, BECAME_ISSUE]) {
    id ref title owner { id name role organisation } actionIds inherent { score } current { likelihood impact score band } previousScore currentAsOfDate
    target { score byDate } reviewDate status outcome escalation raisedAt revision
    scores { rating { score } asOfDate commentary revision } mitigations { id description status dueDate lastCommentary } ownerChanges { from { id } to { id } reason revision }
  }
  challenges(planId: $id, recordedBy: $asAt, statuses: [AWAITING_ANSWER, ANSWERED, RESOLVED]) {
    id subjectKind subjectId subjectRef status raisedBy raisedAt lastChangedAt revision messages { kind text byName byRole at }
  }
  scorecard(planId: $id, asAt: $asAt) {
    id name unit polarity frequency areaNumbers actionIds definitionRevisions revision rag changeSinceBaseline
    latest { id period value asAt provisional recordedAt } previous { id } baseline { id } trend { direction improving changeSincePrevious }
    target { period target amberTolerance } comparators { comparator period value }
    series(includeSuperseded: true) { id period value supersededBy } targets { period target } comparatorSeries { comparator period value }
  }
}`;

/** Mulberry32: small, seedable, so a failing instant can be replayed with AS_AT_SEED. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The live answer of an app that only ever saw the events up to the instant. */
async function freshReplay(events: RecordedEvent[], asAt: string): Promise<unknown> {
  const dataDir = mkdtempSync(join(tmpdir(), 'send-as-at-'));
  const store = new SqliteEventStore({ filename: join(dataDir, 'events.sqlite') });
  // One append per event in the original global order, so the replica's order matches the original.
  for (const e of events.filter((e) => e.metadata.occurredAt <= asAt)) {
    const { id, type, data, metadata } = e;
    await store.appendToStream(e.streamId, [{ id, type, data, metadata }], e.revision === 0n ? 'no_stream' : e.revision - 1n);
  }
  await store.close();
  const replica = await startTestApp({ reuse: { dataDir }, now: asAt, areas: ['demo-area'], limits: LIMITS });
  try {
    return await answer(replica, undefined);
  } finally {
    await replica.close();
  }
}

async function answer(app: TestApp, asAt: string | undefined): Promise<unknown> {
  const res = await app.gql(PLAN_QUERY, { id: PLAN, asAt });
  expect({ asAt, errors: res.errors }).toEqual({ asAt, errors: undefined });
  // Only the label differs: one says which instant it shows, the other is live.
  return JSON.parse(JSON.stringify(res.data), (key, value) => (key === 'asAt' ? undefined : value));
}

const seed = Number(process.env.AS_AT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const draws = Array.from({ length: RANDOM_INSTANTS + 1 }, random(seed));

describe(`as-at reads equal a fresh replay of the history up to that instant (AS_AT_SEED=${seed})`, () => {
  let app: TestApp;
  let events: RecordedEvent[];
  let planEvents: RecordedEvent[];
  let first: number;
  let last: number;

  beforeAll(async () => {
    app = await startTestApp({ loadDemoPlan: true, now: NOW, areas: ['demo-area'], limits: LIMITS });
    events = await app.allEvents();
    planEvents = events.filter((e) => /^(plan|action|meeting|metric|risk|challenge)-/.test(e.streamId));
    const times = planEvents.map((e) => Date.parse(e.metadata.occurredAt)).sort((a, b) => a - b);
    [first, last] = [times[0], times[times.length - 1]];
  });

  afterAll(async () => {
    await app?.close();
  });

  async function check(instant: string): Promise<void> {
    const expected = await freshReplay(events, instant);
    const actual = await answer(app, instant);
    // The instant goes into the comparison, so a failure names the moment to look at.
    expect({ instant, ...(actual as object) }).toEqual({ instant, ...(expected as object) });
  }

  it.each(draws.slice(0, RANDOM_INSTANTS).map((draw, i) => [i + 1, draw]))('random instant %i', async (_, draw) => {
    await check(new Date(first + Math.floor(draw * (last - first))).toISOString());
  });

  it('exactly at an event, and a millisecond before it (the boundary an off-by-one gets wrong)', async () => {
    const updates = planEvents.filter((e) => e.type === 'ProgressReported');
    const at = updates[Math.floor(draws[RANDOM_INSTANTS] * updates.length)].metadata.occurredAt;
    await check(at);
    await check(new Date(Date.parse(at) - 1).toISOString());
  });

  it('at the last event of the history', async () => {
    await check(new Date(last).toISOString());
  });
});

describe('asking "as at": the instant, the meeting, and refusals', () => {
  let app: TestApp;
  let meetings: { id: string; date: string; closed: boolean }[];

  beforeAll(async () => {
    app = await startTestApp({ loadDemoPlan: true, now: NOW, areas: ['demo-area'] });
    meetings = (await app.gql(`{ meetings(planId: "${PLAN}") { id date closed } }`)).data.meetings;
  });

  afterAll(async () => {
    await app?.close();
  });

  const rollUpAt = (args: string) => app.gql(`{ plan(id: "${PLAN}", ${args}) { asAt revision rollUp { total red amber green blue } } }`);

  it('shows a board meeting as it stood when the meeting closed', async () => {
    const last = meetings[meetings.length - 1];
    const closedAt = (await app.allEvents()).find((e) => e.streamId === `meeting-${last.id}` && e.type === 'MeetingClosed')!.metadata.occurredAt;
    const byMeeting = await rollUpAt(`asAtMeeting: "${last.id}"`);
    const byInstant = await rollUpAt(`asAt: "${closedAt}"`);
    expect(byMeeting.data.plan.asAt).toBe(closedAt);
    expect(byMeeting.data).toEqual(byInstant.data);
  });

  it('treats a date as the end of that UK day, and today as now', async () => {
    const endOfDay = await rollUpAt(`asAt: "2026-03-31"`);
    expect(endOfDay.data.plan.asAt).toBe('2026-03-31T22:59:59.999Z');
    expect((await rollUpAt(`asAt: "2026-06-15"`)).data.plan.asAt).toBe(NOW);
  });

  it('differs from today when the plan has moved since', async () => {
    const first = meetings[0];
    const then = (await rollUpAt(`asAtMeeting: "${first.id}"`)).data.plan;
    const live = (await app.gql(`{ plan(id: "${PLAN}") { asAt revision rollUp { total red amber green blue } } }`)).data.plan;
    expect(live.asAt).toBeNull();
    expect(then).not.toEqual({ ...live, asAt: then.asAt });
  });

  it.each([
    ['asAt: "2026-02-30"', 'BAD_USER_INPUT', { field: 'asAt', rule: 'isAsAt' }],
    ['asAt: "31/03/2026"', 'BAD_USER_INPUT', { field: 'asAt', rule: 'isAsAt' }],
    ['asAt: "2026-03-31T12:00:00"', 'BAD_USER_INPUT', { field: 'asAt', rule: 'isAsAt' }],
    ['asAt: "2026-06-16"', 'BAD_USER_INPUT', { field: 'asAt', rule: 'notInFuture' }],
    ['asAt: "2026-06-15T10:00:01Z"', 'BAD_USER_INPUT', { field: 'asAt', rule: 'notInFuture' }],
    ['asAt: "2026-03-31", asAtMeeting: "x"', 'BAD_USER_INPUT', { field: 'asAtMeeting', rule: 'oneOfAsAtOrMeeting' }],
    ['asAtMeeting: "no-such-meeting"', 'NOT_FOUND', { rule: 'meetingExists' }],
    ['asAt: "2020-01-01"', 'NOT_FOUND', { rule: 'existedAsAt' }],
  ])('plan(%s) is refused with %s', async (args, code, details) => {
    const res = await rollUpAt(args);
    expect(res.data).toBeNull();
    const extensions = res.errors![0].extensions!;
    expect(extensions.code).toBe(code);
    if ('field' in details) {
      expect(extensions.validationErrors ?? [{ field: extensions.field, rule: extensions.rule }]).toEqual(
        expect.arrayContaining([expect.objectContaining(details)]),
      );
    } else {
      expect(extensions).toMatchObject(details);
    }
  });

  it('refuses a meeting that has not closed yet', async () => {
    const scheduled = await app.gql(
      `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
      { input: { planId: PLAN, type: 'BOARD', date: '2026-07-20', title: 'SEND Improvement Board, July 2026' } },
    );
    const res = await rollUpAt(`asAtMeeting: "${scheduled.data.scheduleMeeting.id}"`);
    expect(res.errors![0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', rule: 'meetingClosed' });
    expect(res.errors![0].message).toContain('The board meeting of 20 July 2026 has not been closed');
  });

  it('says an action did not exist yet before it was added', async () => {
    const events = await app.allEvents();
    const added = events.filter((e) => e.type === 'ActionAdded').at(-1)!;
    const before = new Date(Date.parse(added.metadata.occurredAt) - 1).toISOString();
    const res = await app.gql(`{ action(id: "${added.data.actionId}", asAt: "${before}") { ref } }`);
    expect(res.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', rule: 'existedAsAt' });
    // People read the refusal: the instant in UK time and words, not ISO.
    expect(res.errors![0].message).toMatch(/^Action \S+ had not been added yet as at \d{1,2} [A-Z][a-z]+ \d{4} at (\d{1,2}:\d{2}[ap]m|midnight|midday)$/);
    const then = await app.gql(`{ action(id: "${added.data.actionId}", asAt: "${added.metadata.occurredAt}") { ref rag asAt timeline { eventType } } }`);
    expect(then.data.action).toMatchObject({ ref: added.data.ref, rag: 'NOT_YET_RATED', asAt: added.metadata.occurredAt });
    expect(then.data.action.timeline[0]).toEqual({ eventType: 'ActionAdded' });
  });

  it('lets the DfE adviser look back, and hides other areas as ever', async () => {
    const adviser = await app.as('dfe-adviser').gql(`{ plan(id: "${PLAN}", asAtMeeting: "${meetings[0].id}") { asAt rollUp { total } } }`);
    expect(adviser.errors).toBeUndefined();
    expect(adviser.data.plan.rollUp.total).toBeGreaterThan(0);
    await app.addUser({ userId: 'elsewhere', roles: ['DFE_ADVISER'], areas: ['other-area'] });
    const outsider = await app.as('elsewhere').gql(`{ plan(id: "${PLAN}", asAt: "2026-03-31") { asAt } }`);
    expect(outsider.errors![0].extensions!.code).toBe('NOT_FOUND');
    const plansThen = await app.as('elsewhere').gql(`{ plans(asAt: "2026-03-31") { id } }`);
    expect(plansThen.data.plans).toEqual([]);
  });
});
