import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';

/**
 * A hand-built history with known answers. Between 31 January and 31 March 2026:
 * 1.1 falls Green → Red and gets activity evidence (pending); 3.1 goes Red and back to Green
 * (no net move), changes owner, has earlier evidence accepted and passes its due date; 8.2 goes
 * Amber → Green → complete, with impact evidence attached and accepted; 6.1 is withdrawn; 4.1 is
 * added; 5.1 is never updated again and goes stale (threshold 42 days).
 */
const PLAN = 'moving';
const FROM = '2026-01-31';
const TO = '2026-03-31';

const MOVEMENT = `query ($planId: ID!, $from: String, $to: String, $fromMeeting: ID, $toMeeting: ID) {
  movement(planId: $planId, from: $from, to: $to, fromMeeting: $fromMeeting, toMeeting: $toMeeting) {
    from to
    counts { ragUp ragDown firstRated becameOverdue becameStale evidenceAdded evidenceAccepted completed added withdrawn ownerChanges }
    fromRollUp { total red amber green blue notYetRated withdrawn overdue stale percentComplete }
    toRollUp { total red amber green blue notYetRated withdrawn overdue stale percentComplete }
    areas { number counts { ragUp ragDown becameOverdue becameStale evidenceAdded evidenceAccepted completed added withdrawn ownerChanges } from { total green amber red } to { total green amber red blue notYetRated } }
    priorities { number counts { ragUp ragDown completed evidenceAccepted added } }
    ragChanges { action { ref rag asAt } from to direction }
    becameOverdue { ref overdue }
    becameStale { ref stale }
    evidenceAdded { action { ref } evidence { title status } }
    evidenceAccepted { action { ref } evidence { title status } }
    completed { ref status }
    added { ref }
    withdrawn { ref status closingReason }
    ownerChanges { action { ref } from { name } to { name organisation } }
  }
}`;

describe('What moved between two instants, on a history with known answers', () => {
  let app: TestApp;
  const revisions = new Map<string, number>();
  const ids = new Map<string, string>();

  async function at<T = any>(instant: string, mutation: string, inputType: string, ref: string, input: Record<string, unknown>): Promise<T> {
    app.clock.set(instant);
    const res = await app.gql(change(mutation, inputType), { input: { actionId: ids.get(ref), expectedRevision: revisions.get(ref), ...input } });
    expect(res.errors).toBeUndefined();
    const action = res.data[mutation];
    revisions.set(ref, action.revision);
    return action;
  }

  async function add(instant: string, ref: string, priorityNumbers: number[], dueDate: string): Promise<void> {
    app.clock.set(instant);
    const res = await app.gql(ADD_ACTION, { input: actionInput(PLAN, ref, { priorityNumbers, dueDate, milestones: [] }) });
    expect(res.errors).toBeUndefined();
    ids.set(ref, res.data.addAction.id);
    revisions.set(ref, res.data.addAction.revision);
  }

  const report = (ref: string, day: string, rag: string) =>
    at(`${day}T09:00:00.000Z`, 'reportProgress', 'ReportProgressInput', ref, { rag, asAt: day, commentary: `${rag} as at ${day}` });
  const attach = async (ref: string, day: string, kind: string, title: string) => {
    const action = await at(`${day}T09:00:00.000Z`, 'attachEvidence', 'AttachEvidenceInput', ref, { kind, title, submittedBy: 'Alex Morgan', documentReference: `DOC-${ref}` });
    return action.evidence.at(-1).id as string;
  };
  const accept = (ref: string, day: string, evidenceId: string) =>
    at(`${day}T15:00:00.000Z`, 'reviewEvidence', 'ReviewEvidenceInput', ref, { evidenceId, decision: 'ACCEPT' });

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-01-05T08:00:00.000Z', limits: { maxQueryCost: 100_000 } });
    expect((await app.gql(CREATE_PLAN, { input: { ...planInput(PLAN), staleAfterDays: 42 } })).errors).toBeUndefined();
    await add('2026-01-05T09:00:00.000Z', '1.1', [1], '2026-06-30');
    await add('2026-01-05T09:01:00.000Z', '3.1', [2], '2026-02-15');
    await add('2026-01-05T09:02:00.000Z', '5.1', [6], '2026-12-31');
    await add('2026-01-05T09:03:00.000Z', '6.1', [5], '2026-12-31');
    await add('2026-01-05T09:04:00.000Z', '8.2', [7], '2026-12-31');
    for (const [ref, rag] of [['1.1', 'GREEN'], ['3.1', 'GREEN'], ['5.1', 'GREEN'], ['6.1', 'AMBER'], ['8.2', 'AMBER']]) await report(ref, '2026-01-06', rag);
    const earlier = await attach('3.1', '2026-01-10', 'ACTIVITY', 'Early help referral pathway published');

    // The period.
    await report('3.1', '2026-02-01', 'RED');
    await accept('3.1', '2026-02-05', earlier);
    await report('8.2', '2026-02-10', 'GREEN');
    const impact = await attach('8.2', '2026-02-12', 'IMPACT', 'DSG in-year overspend down to £38m');
    await accept('8.2', '2026-02-13', impact);
    await at('2026-02-20T09:00:00.000Z', 'completeAction', 'CompleteActionInput', '8.2', { asAt: '2026-02-20', commentary: 'Recovery plan live' });
    await at('2026-02-25T09:00:00.000Z', 'withdrawAction', 'ReasonedChangeInput', '6.1', { reason: 'Folded into the sufficiency strategy' });
    await report('3.1', '2026-03-01', 'GREEN');
    await at('2026-03-01T10:00:00.000Z', 'reassignActionOwner', 'ReassignOwnerInput', '3.1', {
      owner: { name: 'Priya Shah', role: 'Head of Early Help', organisation: 'NHS Dorset ICB' },
      reason: 'Early help moved to health',
    });
    await add('2026-03-05T09:00:00.000Z', '4.1', [1], '2026-09-30');
    await report('1.1', '2026-03-10', 'RED');
    await attach('1.1', '2026-03-10', 'ACTIVITY', 'Governance review terms of reference');
    app.clock.set('2026-04-02T09:00:00.000Z');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists every kind of movement, state against state', async () => {
    const res = await app.gql(MOVEMENT, { planId: PLAN, from: FROM, to: TO });
    expect(res.errors).toBeUndefined();
    const m = res.data.movement;
    expect(m.from).toBe('2026-01-31T23:59:59.999Z');
    expect(m.to).toBe('2026-03-31T22:59:59.999Z');
    expect(m.counts).toEqual({
      ragUp: 1,
      ragDown: 1,
      firstRated: 0,
      becameOverdue: 1,
      becameStale: 1,
      evidenceAdded: 2,
      evidenceAccepted: 2,
      completed: 1,
      added: 1,
      withdrawn: 1,
      ownerChanges: 1,
    });
    expect(m.ragChanges).toEqual([
      { action: { ref: '1.1', rag: 'RED', asAt: m.to }, from: 'GREEN', to: 'RED', direction: 'DOWN' },
      { action: { ref: '8.2', rag: 'BLUE', asAt: m.to }, from: 'AMBER', to: 'BLUE', direction: 'UP' },
    ]);
    expect(m.becameOverdue).toEqual([{ ref: '3.1', overdue: true }]);
    expect(m.becameStale).toEqual([{ ref: '5.1', stale: true }]);
    expect(m.evidenceAdded).toEqual([
      { action: { ref: '1.1' }, evidence: { title: 'Governance review terms of reference', status: 'PENDING' } },
      { action: { ref: '8.2' }, evidence: { title: 'DSG in-year overspend down to £38m', status: 'ACCEPTED' } },
    ]);
    expect(m.evidenceAccepted).toEqual([
      { action: { ref: '3.1' }, evidence: { title: 'Early help referral pathway published', status: 'ACCEPTED' } },
      { action: { ref: '8.2' }, evidence: { title: 'DSG in-year overspend down to £38m', status: 'ACCEPTED' } },
    ]);
    expect(m.completed).toEqual([{ ref: '8.2', status: 'COMPLETE' }]);
    expect(m.added).toEqual([{ ref: '4.1' }]);
    expect(m.withdrawn).toEqual([{ ref: '6.1', status: 'WITHDRAWN', closingReason: 'Folded into the sufficiency strategy' }]);
    expect(m.ownerChanges).toEqual([{ action: { ref: '3.1' }, from: { name: 'Alex Morgan' }, to: { name: 'Priya Shah', organisation: 'NHS Dorset ICB' } }]);
  });

  it('rolls the plan up at both ends and splits the movement by area and priority', async () => {
    const m = (await app.gql(MOVEMENT, { planId: PLAN, from: FROM, to: TO })).data.movement;
    expect(m.fromRollUp).toEqual({ total: 5, red: 0, amber: 2, green: 3, blue: 0, notYetRated: 0, withdrawn: 0, overdue: 0, stale: 0, percentComplete: 0 });
    expect(m.toRollUp).toEqual({ total: 5, red: 1, amber: 0, green: 2, blue: 1, notYetRated: 1, withdrawn: 1, overdue: 1, stale: 1, percentComplete: 20 });
    const area = (n: number) => m.areas.find((a: { number: number }) => a.number === n);
    expect(area(1).counts).toMatchObject({ ragDown: 1, evidenceAdded: 1, ragUp: 0, completed: 0 });
    expect(area(1).from).toEqual({ total: 1, green: 1, amber: 0, red: 0 });
    expect(area(1).to).toEqual({ total: 1, green: 0, amber: 0, red: 1, blue: 0, notYetRated: 0 });
    expect(area(3).counts).toMatchObject({ becameOverdue: 1, ownerChanges: 1, evidenceAccepted: 1, ragUp: 0, ragDown: 0 });
    expect(area(4).counts).toMatchObject({ added: 1 });
    expect(area(4).from.total).toBe(0);
    expect(area(6).counts).toMatchObject({ withdrawn: 1 });
    expect(area(8).counts).toMatchObject({ ragUp: 1, completed: 1, evidenceAdded: 1, evidenceAccepted: 1 });
    expect(area(2).counts).toEqual({ ragUp: 0, ragDown: 0, becameOverdue: 0, becameStale: 0, evidenceAdded: 0, evidenceAccepted: 0, completed: 0, added: 0, withdrawn: 0, ownerChanges: 0 });
    const priority = (n: number) => m.priorities.find((p: { number: number }) => p.number === n);
    expect(priority(1).counts).toMatchObject({ ragDown: 1, added: 1 });
    expect(priority(7).counts).toMatchObject({ ragUp: 1, completed: 1, evidenceAccepted: 1 });
    expect(m.priorities).toHaveLength(7);
    expect(m.areas).toHaveLength(8);
  });

  it('measures between two board meetings, from when each closed', async () => {
    const meeting = async (date: string, closeAt: string) => {
      app.clock.set(`${date}T09:00:00.000Z`);
      const scheduled = await app.gql(`mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
        input: { planId: PLAN, type: 'BOARD', date, title: `Board ${date}` },
      });
      app.clock.set(closeAt);
      const closed = await app.gql(`mutation ($input: CloseMeetingInput!) { closeMeeting(input: $input) { id } }`, {
        input: { meetingId: scheduled.data.scheduleMeeting.id, minutesReference: `Minutes ${date}` },
      });
      expect(closed.errors).toBeUndefined();
      return scheduled.data.scheduleMeeting.id as string;
    };
    // Meetings recorded after the fact still close "now"; what matters is that both ends are the close instants.
    const first = await meeting('2026-04-02', '2026-04-02T12:00:00.000Z');
    app.clock.set('2026-04-03T09:00:00.000Z');
    await report('5.1', '2026-04-03', 'AMBER');
    const second = await meeting('2026-04-03', '2026-04-03T12:00:00.000Z');
    const res = await app.gql(MOVEMENT, { planId: PLAN, fromMeeting: first, toMeeting: second });
    expect(res.errors).toBeUndefined();
    expect(res.data.movement).toMatchObject({ from: '2026-04-02T12:00:00.000Z', to: '2026-04-03T12:00:00.000Z' });
    expect(res.data.movement.ragChanges).toEqual([{ action: { ref: '5.1', rag: 'AMBER', asAt: '2026-04-03T12:00:00.000Z' }, from: 'GREEN', to: 'AMBER', direction: 'DOWN' }]);
    expect(res.data.movement.counts).toMatchObject({ ragDown: 1, ragUp: 0, completed: 0, added: 0 });
  });

  it.each([
    [{ to: TO }, 'from', 'required'],
    [{ from: TO, to: FROM }, 'to', 'fromBeforeTo'],
    [{ from: '2026-13-01' }, 'from', 'isAsAt'],
    [{ from: FROM, to: '2027-01-01' }, 'to', 'notInFuture'],
    [{ from: FROM, fromMeeting: 'm' }, 'fromMeeting', 'oneOfAsAtOrMeeting'],
  ])('refuses %j: %s breaks %s', async (period, field, rule) => {
    const res = await app.gql(MOVEMENT, { planId: PLAN, ...period });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const ext = res.errors![0].extensions!;
    expect(ext.validationErrors ?? [{ field: ext.field, rule: ext.rule }]).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
  });

  it('says a backwards period in UK dates and times', async () => {
    const res = await app.gql(MOVEMENT, { planId: PLAN, from: TO, to: FROM });
    expect(res.errors![0].message).toBe('The period must run forwards: from 31 March 2026 at 11:59pm is not before to 31 January 2026 at 11:59pm');
  });
});
