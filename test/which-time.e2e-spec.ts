import { withNoNewEvents } from './support/no-new-events';
import { MutationName, PREPARE } from './support/mutation-catalogue';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Two times used to share the name asAt: on reads, the instant the view shows what had been
 * recorded by (now `recordedBy`); on updates, the business date they describe (now `asOfDate`).
 * The new names answer exactly as the old ones did, the old ones still work for a release, and
 * giving both is refused rather than one silently winning.
 */
const NOW = '2026-06-15T10:00:00.000Z';
const PLAN = 'demo-plan';
const BACK_THEN = '2026-03-01';
/** The demo plan is put into the tracker four months before its anchor (today). */
const BEFORE_PLAN = '2026-02-01';
/** Late enough for 8.2 to have had an update (a summer-time day, so the instant is 22:59:59.999Z). */
const LATER = '2026-04-30';

const and = (when: string) => (when ? `, ${when}` : '');

/** Every read that takes the recorded-time argument, with a selection that shows the view's time. */
const READS: [string, (when: string) => string][] = [
  ['plans', (when) => `plans${when && `(${when})`} { id revision recordedBy rollUp { red amber green notYetRated } }`],
  ['plan', (when) => `plan(id: "${PLAN}"${and(when)}) { revision recordedBy knownAt rollUp { red amber green notYetRated } }`],
  ['action', (when) => `action(planId: "${PLAN}", ref: "8.2"${and(when)}) { rag status lastAsOfDate recordedBy revision }`],
  ['actions', (when) => `actions(planId: "${PLAN}", first: 100${and(when)}) { totalCount edges { node { ref rag lastAsOfDate recordedBy } } }`],
  ['owners', (when) => `owners(planId: "${PLAN}"${and(when)}) { owner { name } openActions overdue stale }`],
  ['scorecard', (when) => `scorecard(planId: "${PLAN}"${and(when)}) { id revision definitionRevisions rag latest { value asOfDate } }`],
  ['risks', (when) => `risks(planId: "${PLAN}"${and(when)}) { ref currentAsOfDate current { score } scores { asOfDate } }`],
  ['risk', (when) => `risk(planId: "${PLAN}", ref: "R1"${and(when)}) { ref currentAsOfDate current { score } }`],
  ['meetingActionLog', (when) => `meetingActionLog(planId: "${PLAN}"${and(when)}) { id status overdue }`],
];

/** The updates whose asAt is the business date they describe, as the access matrix prepares them. */
const DATED_UPDATES: MutationName[] = ['reportProgress', 'correctProgress', 'rateDeliveryConfidence', 'completeAction', 'recordMeasurement', 'correctMeasurement', 'rescoreRisk'];

/** The prepared input with its business date under `name` instead of asAt (or under neither). */
function renamed(variables: Record<string, unknown>, name: 'asOfDate' | 'both' | 'neither'): Record<string, unknown> {
  const { asAt, ...rest } = variables.input as Record<string, unknown>;
  const dated = name === 'asOfDate' ? { asOfDate: asAt } : name === 'both' ? { asAt, asOfDate: asAt } : {};
  return { ...variables, input: { ...rest, ...dated } };
}

describe('Which time each argument means: recordedBy on reads, asOfDate on updates', () => {
  let app: TestApp;
  let planCount = 0;
  const freshPlan = () => `which-time-${++planCount}`;

  beforeAll(async () => {
    app = await startTestApp({ loadDemoPlan: true, now: NOW, areas: ['demo-area', 'test-area'] });
  });

  afterAll(() => app?.close());

  it.each(READS)('%s: recordedBy answers exactly what the deprecated asAt answers, and differs from live', async (name, read) => {
    // The demo's scorecard is loaded whole when the plan is created: only "not yet" tells then from now.
    const when = name === 'scorecard' ? BEFORE_PLAN : BACK_THEN;
    const old = await app.gql(`{ ${read(`asAt: "${when}"`)} }`);
    const renamedAnswer = await app.gql(`{ ${read(`recordedBy: "${when}"`)} }`);
    if (when === BEFORE_PLAN) expect(old.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', rule: 'existedAsAt' });
    else expect(old.errors).toBeUndefined();
    expect(renamedAnswer).toEqual(old);
    const live = await app.gql(`{ ${read('')} }`);
    expect(live.errors).toBeUndefined();
    expect(live.data).not.toEqual(renamedAnswer.data);
  });

  it('shows the instant a view was recorded by as recordedBy, and its business dates as asOfDate, the same values as the deprecated fields', async () => {
    const answer = await app.gql(`{
      plan(id: "${PLAN}", recordedBy: "${LATER}") { recordedBy asAt }
      action(planId: "${PLAN}", ref: "8.2", recordedBy: "${LATER}") { recordedBy asAt lastAsOfDate lastAsAt
        confidenceHistory { asOfDate asAt } deliveryConfidence { asOfDate asAt } }
      risks(planId: "${PLAN}") { currentAsOfDate currentAsAt scores { asOfDate asAt } }
      scorecard(planId: "${PLAN}") { latest { asOfDate asAt } series(includeSuperseded: true) { asOfDate asAt } }
    }`);
    expect(answer.errors).toBeUndefined();
    const { plan, action, risks, scorecard } = answer.data;
    expect(plan.recordedBy).toBe('2026-04-30T22:59:59.999Z');
    expect(plan.asAt).toBe(plan.recordedBy);
    expect(action.recordedBy).toBe(plan.recordedBy);
    expect(action.asAt).toBe(action.recordedBy);
    expect(action.lastAsOfDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(action.lastAsAt).toBe(action.lastAsOfDate);
    const pairs: { asOfDate: string | null; asAt: string | null }[] = [
      ...action.confidenceHistory,
      action.deliveryConfidence,
      ...risks.flatMap((r: { scores: never[] }) => r.scores),
      ...scorecard.flatMap((m: { latest: unknown; series: never[] }) => [m.latest, ...m.series]).filter(Boolean),
    ];
    expect(pairs.filter((p) => p.asOfDate !== null).length).toBeGreaterThan(10);
    for (const pair of pairs) expect(pair.asOfDate).toBe(pair.asAt);
    for (const risk of risks) expect(risk.currentAsOfDate).toBe(risk.currentAsAt);
  });

  it.each(READS)('%s: refuses recordedBy and asAt together, naming both', async (_name, read) => {
    const both = await app.gql(`{ ${read(`recordedBy: "${BACK_THEN}", asAt: "${BACK_THEN}"`)} }`);
    expect(both.data).toBeNull();
    expect(both.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', validationErrors: [{ field: 'asAt', rule: 'notGivenWith', message: expect.stringContaining('recordedBy') }] });
  });

  it('blames the argument the client sent: recordedBy, or the deprecated asAt', async () => {
    for (const name of ['recordedBy', 'asAt']) {
      const future = await app.gql(`{ plan(id: "${PLAN}", ${name}: "2026-07-01") { id } }`);
      expect(future.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: name, rule: 'notInFuture' });
      expect(future.errors![0].message).toMatch(new RegExp(`^${name} `));
    }
    const knownAtAlone = await app.gql(`{ plan(id: "${PLAN}", knownAt: "now") { id } }`);
    expect(knownAtAlone.errors![0]).toMatchObject({ message: expect.stringContaining('knownAt needs recordedBy or asAtMeeting'), extensions: { field: 'knownAt' } });
    const known = await app.gql(`{ plan(id: "${PLAN}", recordedBy: "${BACK_THEN}", knownAt: "now") { recordedBy knownAt } }`);
    expect(known.data.plan).toEqual({ recordedBy: '2026-03-01T23:59:59.999Z', knownAt: NOW });
  });

  it('prices a read with recordedBy as the fold of the history it is, like asAt', async () => {
    const tight = await startTestApp({ loadDemoPlan: true, now: NOW, areas: ['demo-area'], limits: { maxQueryCost: 900 } });
    try {
      expect((await tight.gql(`{ plan(id: "${PLAN}") { revision } }`)).errors).toBeUndefined();
      for (const name of ['recordedBy', 'asAt']) {
        const past = await tight.gql(`{ plan(id: "${PLAN}", ${name}: "${BACK_THEN}") { revision } }`);
        expect(past.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
      }
    } finally {
      await tight.close();
    }
  });

  it.each(DATED_UPDATES)('%s: asOfDate records the same business date the deprecated asAt did', async (mutation) => {
    const recorded: unknown[] = [];
    for (const name of ['asAt', 'asOfDate'] as const) {
      const prepared = await PREPARE[mutation](app.gql, freshPlan());
      const variables = name === 'asAt' ? prepared.variables : renamed(prepared.variables, 'asOfDate');
      const answer = await app.gql(prepared.query, variables);
      expect(answer.errors).toBeUndefined();
      const last = (await app.allEvents()).at(-1)!;
      recorded.push({ type: last.type, asAt: (last.data as { asAt?: string }).asAt });
    }
    expect(recorded[1]).toEqual(recorded[0]);
    expect(recorded[0]).toMatchObject({ asAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it.each(DATED_UPDATES)('%s: refuses asOfDate and asAt together, and neither, and records nothing', async (mutation) => {
    const prepared = await PREPARE[mutation](app.gql, freshPlan());
    const both = await withNoNewEvents(app, () => app.gql(prepared.query, renamed(prepared.variables, 'both')));
    expect(both.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      validationErrors: [{ field: 'asAt', rule: 'notGivenWith', message: expect.stringContaining('asOfDate') }],
    });
    const neither = await withNoNewEvents(app, () => app.gql(prepared.query, renamed(prepared.variables, 'neither')));
    expect(neither.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', validationErrors: expect.arrayContaining([expect.objectContaining({ field: 'asOfDate', rule: 'isDefined' })]) });
  });

  it('blames the field the client sent when the business date breaks a rule: asOfDate, or the deprecated asAt', async () => {
    for (const name of ['asAt', 'asOfDate'] as const) {
      const prepared = await PREPARE.reportProgress(app.gql, freshPlan());
      const input = { ...(prepared.variables.input as Record<string, unknown>), asAt: undefined, [name]: '2026-06-16' };
      const future = await withNoNewEvents(app, () => app.gql(prepared.query, { input }));
      expect(future.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: name });
      expect(future.errors![0].message).toMatch(new RegExp(`^${name} `));
    }
  });

  it('marks every old name deprecated in the schema, each naming its replacement and the release it goes in', async () => {
    const schema = await app.gql(`{
      __schema { types {
        name kind
        fields(includeDeprecated: true) { name isDeprecated deprecationReason args(includeDeprecated: true) { name isDeprecated deprecationReason } }
        inputFields(includeDeprecated: true) { name isDeprecated deprecationReason }
      } }
    }`);
    expect(schema.errors).toBeUndefined();
    type Named = { name: string; isDeprecated: boolean; deprecationReason: string | null };
    const found: Record<string, string> = {};
    for (const type of schema.data.__schema.types as { name: string; fields: (Named & { args: Named[] })[] | null; inputFields: Named[] | null }[]) {
      if (type.name.startsWith('__')) continue;
      for (const field of type.fields ?? []) {
        if (/^(asAt|lastAsAt|currentAsAt)$/.test(field.name)) found[`${type.name}.${field.name}`] = field.isDeprecated ? field.deprecationReason! : 'NOT DEPRECATED';
        for (const arg of field.args) if (arg.name === 'asAt') found[`${type.name}.${field.name}(asAt)`] = arg.isDeprecated ? arg.deprecationReason! : 'NOT DEPRECATED';
      }
      for (const field of type.inputFields ?? []) if (field.name === 'asAt') found[`${type.name}.asAt`] = field.isDeprecated ? field.deprecationReason! : 'NOT DEPRECATED';
    }
    const expected = {
      ...Object.fromEntries(['plans', 'plan', 'action', 'actions', 'owners', 'scorecard', 'risks', 'risk', 'meetingActionLog'].map((q) => [`Query.${q}(asAt)`, 'recordedBy'])),
      'Plan.asAt': 'recordedBy',
      'Action.asAt': 'recordedBy',
      'Action.lastAsAt': 'lastAsOfDate',
      'Risk.currentAsAt': 'currentAsOfDate',
      ...Object.fromEntries(['DeliveryConfidence', 'Measurement', 'RiskScore'].map((t) => [`${t}.asAt`, 'asOfDate'])),
      ...Object.fromEntries(
        ['ReportProgressInput', 'CorrectProgressInput', 'RateDeliveryConfidenceInput', 'CompleteActionInput', 'RecordMeasurementInput', 'CorrectMeasurementInput', 'RescoreRiskInput'].map((t) => [`${t}.asAt`, 'asOfDate']),
      ),
    };
    expect(Object.keys(found).sort()).toEqual(Object.keys(expected).sort());
    for (const [where, replacement] of Object.entries(expected)) {
      expect({ where, reason: found[where] }).toEqual({ where, reason: expect.stringMatching(new RegExp(`^Renamed ${replacement} .*release 0\\.3\\.0\\.$`)) });
    }
  });
});
