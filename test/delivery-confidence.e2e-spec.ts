import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';
import { withNoNewEvents } from './support/no-new-events';

const ACTION = `id rag revision deliveryConfidence { level previousLevel commentary asAt ratedBy ratedByRole revision }
  confidenceHistory { level previousLevel commentary asAt ratedBy }
  impactFlag { reasons { kind metricName period text } } timeline { eventType summary }`;
const RATE = `mutation ($input: RateDeliveryConfidenceInput!) { rateDeliveryConfidence(input: $input) { ${ACTION} } }`;
const REPORT = change('reportProgress', 'ReportProgressInput');
const metricOp = (name: string, input: string) => `mutation ($input: ${input}!) { ${name}(input: $input) { id rag } }`;
const PLAN = 'confidence';
const TIMELINESS = {
  name: 'EHCPs issued within 20 weeks',
  description: 'New EHC plans issued within the statutory 20 weeks',
  unit: 'PERCENT',
  polarity: 'HIGHER_IS_BETTER',
  frequency: 'MONTHLY',
  source: 'SEN2',
  owner: 'Head of SEND Assessment and Review',
  areaNumbers: [5],
};

describe('Delivery confidence and "green but not moving the needle", over HTTP', () => {
  let app: TestApp;
  /** 5.1 is linked to the timeliness metric; 5.2 to nothing. */
  let linked: { id: string; revision: number };
  let unlinked: { id: string; revision: number };
  let metricId: string;

  const action = async (ref: string, args = '') => {
    const read = await app.gql(`{ action(planId: "${PLAN}", ref: "${ref}"${args}) { ${ACTION} } }`);
    if (read.errors) throw new Error(JSON.stringify(read.errors));
    return read.data.action;
  };
  const rate = (who: string, input: Record<string, unknown>) => app.as(who).gql(RATE, { input });

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-06-01T10:00:00.000Z' });
    await app.gql(CREATE_PLAN, { input: planInput(PLAN) });
    linked = (await app.gql(ADD_ACTION, { input: actionInput(PLAN, '5.1', { areaNumber: 5 }) })).data.addAction;
    unlinked = (await app.gql(ADD_ACTION, { input: actionInput(PLAN, '5.2', { areaNumber: 5 }) })).data.addAction;
    await app.addUser({ userId: 'owner', displayName: 'Alex Morgan', owner: { name: 'Alex Morgan', organisation: 'Council' }, roles: ['ACTION_OWNER'], areas: ['test-area'] });
    await app.addUser({ userId: 'deputy', displayName: 'Priya Shah', roles: ['ACTION_OWNER'], areas: ['test-area'] });
    await app.addUser({ userId: 'member', displayName: 'Cllr Ruth Evans', roles: ['BOARD_MEMBER'], areas: ['test-area'] });
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: ['test-area'] });
    const metric = await app.gql(metricOp('defineMetric', 'DefineMetricInput'), { input: { planId: PLAN, code: 'ehcp-20wk', ...TIMELINESS, actionIds: [linked.id] } });
    if (metric.errors) throw new Error(JSON.stringify(metric.errors));
    metricId = metric.data.defineMetric.id;
    await app.gql(metricOp('setMetricTarget', 'SetMetricTargetInput'), { input: { metricId, period: '2026-12', target: 60, amberTolerance: 5 } });
  });

  afterAll(() => app?.close());

  it("records the owner's rating with its commentary, kept apart from RAG, and shows it in the history and the timeline", async () => {
    const rated = await rate('owner', { actionId: linked.id, expectedRevision: linked.revision, confidence: 'MEDIUM', commentary: ' Drafting is faster; timeliness not yet moving ', asAt: '2026-06-01' });
    expect(rated.errors).toBeUndefined();
    expect(rated.data.rateDeliveryConfidence).toMatchObject({
      rag: 'NOT_YET_RATED',
      revision: linked.revision + 1,
      deliveryConfidence: { level: 'MEDIUM', previousLevel: null, commentary: 'Drafting is faster; timeliness not yet moving', asAt: '2026-06-01', ratedBy: 'Alex Morgan', ratedByRole: 'ACTION_OWNER', revision: linked.revision + 1 },
      confidenceHistory: [{ level: 'MEDIUM' }],
    });
    expect(rated.data.rateDeliveryConfidence.timeline.at(-1)).toEqual({ eventType: 'DeliveryConfidenceRated', summary: 'Delivery confidence as at 2026-06-01: Medium. Drafting is faster; timeliness not yet moving' });
    linked = rated.data.rateDeliveryConfidence;
  });

  it('lets the board re-rate it, keeping the earlier rating', async () => {
    app.clock.set('2026-06-10T10:00:00.000Z');
    const rated = await rate('member', { actionId: linked.id, expectedRevision: linked.revision, confidence: 'LOW', commentary: 'The board has seen no change in the figures', asAt: '2026-06-10' });
    expect(rated.errors).toBeUndefined();
    expect(rated.data.rateDeliveryConfidence).toMatchObject({
      deliveryConfidence: { level: 'LOW', previousLevel: 'MEDIUM', ratedBy: 'Cllr Ruth Evans', ratedByRole: 'BOARD_MEMBER' },
      confidenceHistory: [{ level: 'MEDIUM', ratedBy: 'Alex Morgan' }, { level: 'LOW', previousLevel: 'MEDIUM', ratedBy: 'Cllr Ruth Evans' }],
    });
    linked = rated.data.rateDeliveryConfidence;
  });

  it('lets a delegate of the owner rate it, and refuses the DfE adviser, who reads it', async () => {
    app.clock.set('2026-06-15T10:00:00.000Z');
    const delegated = await app.gql(change('delegateAction', 'DelegationInput'), { input: { actionId: unlinked.id, expectedRevision: unlinked.revision, delegateUserId: 'deputy' } });
    expect(delegated.errors).toBeUndefined();
    const input = { actionId: unlinked.id, expectedRevision: delegated.data.delegateAction.revision, confidence: 'HIGH', commentary: 'Pathway live in all three localities', asAt: '2026-06-12' };
    const refused = await withNoNewEvents(app, () => rate('adviser', input));
    expect(refused.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const byDeputy = await rate('deputy', input);
    expect(byDeputy.errors).toBeUndefined();
    expect(byDeputy.data.rateDeliveryConfidence.deliveryConfidence).toMatchObject({ level: 'HIGH', ratedBy: 'Priya Shah' });
    expect((await app.as('adviser').gql(`{ action(id: "${unlinked.id}") { deliveryConfidence { level } } }`)).data.action.deliveryConfidence).toEqual({ level: 'HIGH' });
    unlinked = byDeputy.data.rateDeliveryConfidence;
  });

  it('refuses a stale revision with CONFLICT, changing nothing', async () => {
    const stale = await withNoNewEvents(app, () => rate('owner', { actionId: linked.id, expectedRevision: linked.revision - 1, confidence: 'HIGH', commentary: 'x', asAt: '2026-06-12' }));
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentRevision: linked.revision });
  });

  it.each([
    ['a level that is not one', { confidence: 'VERY_HIGH' }, undefined, 'BAD_USER_INPUT'],
    ['a blank commentary', { commentary: ' \u200b ' }, 'commentary', 'BAD_USER_INPUT'],
    ['a day in the future', { asAt: '2026-06-16' }, 'asAt', 'BAD_USER_INPUT'],
    ['a day that does not exist', { asAt: '2026-02-30' }, 'asAt', 'BAD_USER_INPUT'],
    ['a day before the last rating', { asAt: '2026-06-09' }, undefined, 'FAILED_PRECONDITION'],
    ['no commentary at all', { commentary: undefined }, undefined, 'BAD_USER_INPUT'],
  ])('refuses %s, naming the field or rule, changing nothing', async (_what, bad, field, code) => {
    const input = { actionId: linked.id, expectedRevision: linked.revision, confidence: 'HIGH', commentary: 'Figures turning', asAt: '2026-06-12', ...bad };
    const refused = await withNoNewEvents(app, () => rate('owner', input));
    expect(refused.errors![0].extensions).toMatchObject({ code });
    // Checked by the input's validation (validationErrors) or by the decider (field): either way, named.
    if (field) expect(JSON.stringify(refused.errors![0].extensions)).toContain(`"field":"${field}"`);
  });

  it('refuses a rating on a withdrawn action', async () => {
    const plan = 'confidence-withdrawn';
    await app.gql(CREATE_PLAN, { input: planInput(plan) });
    const added = (await app.gql(ADD_ACTION, { input: actionInput(plan, '1.1', { areaNumber: 1 }) })).data.addAction;
    const withdrawn = await app.gql(change('withdrawAction', 'ReasonedChangeInput'), { input: { actionId: added.id, expectedRevision: added.revision, reason: 'Folded into 1.2' } });
    expect(withdrawn.errors).toBeUndefined();
    const refused = await withNoNewEvents(app, () =>
      rate('owner', { actionId: added.id, expectedRevision: withdrawn.data.withdrawAction.revision, confidence: 'LOW', commentary: 'n/a', asAt: '2026-06-12' }),
    );
    expect(refused.errors![0]).toMatchObject({ message: 'Action 1.1 is withdrawn; cannot rate its delivery confidence', extensions: { code: 'FAILED_PRECONDITION', rule: 'actionNotClosed' } });
  });

  describe('the impact flag', () => {
    const flagged = async (args = '') => (await app.gql(`{ plan(id: "${PLAN}"${args}) { greenButNotMovingTheNeedle { ref impactFlag { reasons { kind } } } } }`)).data.plan.greenButNotMovingTheNeedle;
    const record = (period: string, value: number, asAt: string) =>
      app.gql(metricOp('recordMeasurement', 'RecordMeasurementInput'), { input: { metricId, period, value, asAt, source: 'SEN2' } });

    it('flags no action while the linked one is not Green', async () => {
      expect((await record('2026-02', 48, '2026-02-28')).errors).toBeUndefined();
      expect((await record('2026-03', 41.2, '2026-03-31')).errors).toBeUndefined();
      expect((await action('5.1')).impactFlag).toBeNull();
      expect(await flagged()).toEqual([]);
    });

    it('flags the linked action once it is Green, naming the metric off target and getting worse; the unlinked Green one is not flagged', async () => {
      const green = await app.gql(REPORT, { input: { actionId: linked.id, expectedRevision: linked.revision, rag: 'GREEN', commentary: 'All milestones met', asAt: '2026-06-14' } });
      expect(green.errors).toBeUndefined();
      const other = await app.gql(REPORT, { input: { actionId: unlinked.id, expectedRevision: unlinked.revision, rag: 'GREEN', commentary: 'On track', asAt: '2026-06-14' } });
      expect(other.errors).toBeUndefined();
      expect((await action('5.1')).impactFlag).toEqual({
        reasons: [
          { kind: 'OFF_TARGET', metricName: 'EHCPs issued within 20 weeks', period: '2026-03', text: 'EHCPs issued within 20 weeks is off target: 41.2 for March 2026 is Red' },
          { kind: 'WORSENING', metricName: 'EHCPs issued within 20 weeks', period: '2026-03', text: 'EHCPs issued within 20 weeks is getting worse: 48 for February 2026, then 41.2 for March 2026' },
        ],
      });
      expect((await action('5.2')).impactFlag).toBeNull();
      expect(await flagged()).toEqual([{ ref: '5.1', impactFlag: { reasons: [{ kind: 'OFF_TARGET' }, { kind: 'WORSENING' }] } }]);
    });

    it('filters the action lists on the flag, live and as at an earlier instant, with counts and cursors that agree', async () => {
      const refs = async (filter: string, args = '') => {
        const res = await app.gql(`{
          actions(planId: "${PLAN}", filter: { ${filter} }${args}) { totalCount edges { node { ref impactFlag { reasons { kind } } } } }
          plan(id: "${PLAN}"${args}) { actions(filter: { ${filter} }) { totalCount edges { node { ref } } } }
        }`);
        expect(res.errors).toBeUndefined();
        const top = res.data.actions.edges.map((e: { node: { ref: string } }) => e.node.ref);
        expect(res.data.actions.totalCount).toBe(top.length);
        expect(res.data.plan.actions.edges.map((e: { node: { ref: string } }) => e.node.ref)).toEqual(top);
        return top;
      };
      expect(await refs('notMovingTheNeedle: true')).toEqual(['5.1']);
      expect(await refs('notMovingTheNeedle: false')).toEqual(['5.2']);
      expect(await refs('notMovingTheNeedle: true, area: 5')).toEqual(['5.1']);
      expect(await refs('notMovingTheNeedle: true, area: 4')).toEqual([]);
      expect(await refs('notMovingTheNeedle: false, rag: GREEN')).toEqual(['5.2']);
      // Before 5.1 was rated Green, nothing was flagged.
      expect(await refs('notMovingTheNeedle: true', ', asAt: "2026-06-13"')).toEqual([]);
      expect(await refs('notMovingTheNeedle: false', ', asAt: "2026-06-13"')).toEqual(['5.1', '5.2']);
      expect(await refs('notMovingTheNeedle: true', ', asAt: "2026-06-15"')).toEqual(['5.1']);
      const refused = await app.gql(`{ actions(planId: "${PLAN}", filter: { notMovingTheNeedle: "yes" }) { totalCount } }`);
      expect(refused.errors![0].message).toMatch(/Boolean cannot represent/);
      expect(refused.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('reads the flag and the confidence as they stood at an earlier instant, the same as a replay', async () => {
      // On 13 June the action was not yet Green, and carried only the owner's rating.
      const before = await action('5.1', ', asAt: "2026-06-13"');
      expect(before).toMatchObject({ rag: 'NOT_YET_RATED', impactFlag: null, deliveryConfidence: { level: 'LOW' }, confidenceHistory: [{ level: 'MEDIUM' }, { level: 'LOW' }] });
      expect(await flagged(', asAt: "2026-06-13"')).toEqual([]);
      expect(await flagged(', asAt: "2026-06-15"')).toEqual([{ ref: '5.1', impactFlag: { reasons: [{ kind: 'OFF_TARGET' }, { kind: 'WORSENING' }] } }]);
      const today = await action('5.1', ', asAt: "2026-06-15"');
      const live = await action('5.1');
      expect(today).toEqual(live);
    });

    it('clears the flag when the latest figure is back on target and improving; as at the day before, it is still flagged', async () => {
      app.clock.set('2026-06-16T10:00:00.000Z');
      expect((await record('2026-05', 63, '2026-05-31')).errors).toBeUndefined();
      expect((await action('5.1')).impactFlag).toBeNull();
      expect(await flagged()).toEqual([]);
      expect((await action('5.1', ', asAt: "2026-06-15"')).impactFlag?.reasons).toHaveLength(2);
      expect(await flagged(', asAt: "2026-06-15"')).toEqual([{ ref: '5.1', impactFlag: { reasons: [{ kind: 'OFF_TARGET' }, { kind: 'WORSENING' }] } }]);
    });
  });
});

describe('The demo plan, for delivery confidence', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loadDemoPlan: true, now: '2026-06-15T10:00:00.000Z', areas: ['demo-area'] });
  });

  afterAll(() => app?.close());

  it('has confidence ratings on several actions, and a Green action the board rated Low because its metric is off target', async () => {
    const res = await app.gql(`{
      actions(planId: "demo-plan", first: 100) { edges { node { ref deliveryConfidence { level } } } }
      ehcpWriter: action(planId: "demo-plan", ref: "5.2") { rag deliveryConfidence { level ratedByRole } confidenceHistory { level } impactFlag { reasons { kind metricName } } }
      plan(id: "demo-plan") { greenButNotMovingTheNeedle { ref } }
    }`);
    expect(res.errors).toBeUndefined();
    const rated = res.data.actions.edges.filter((e: { node: { deliveryConfidence: unknown } }) => e.node.deliveryConfidence !== null);
    expect(rated.length).toBeGreaterThanOrEqual(5);
    expect(res.data.ehcpWriter).toMatchObject({
      rag: 'GREEN',
      deliveryConfidence: { level: 'LOW', ratedByRole: 'BOARD_CHAIR' },
      confidenceHistory: [{ level: 'MEDIUM' }, { level: 'LOW' }],
      impactFlag: { reasons: [{ kind: 'OFF_TARGET', metricName: 'New EHCPs issued within 20 weeks (year to date)' }] },
    });
    expect(res.data.plan.greenButNotMovingTheNeedle.map((a: { ref: string }) => a.ref)).toEqual(expect.arrayContaining(['1.4', '4.2', '5.2']));
  });
});
