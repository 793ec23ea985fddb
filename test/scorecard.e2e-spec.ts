import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { metricStream } from '@send/domain';
import { ProjectionService } from '../apps/api/src/infrastructure/projection.service';
import { startTestApp, TestApp, TESTER } from './support/test-app';

const NOW = '2026-06-15T10:00:00.000Z';
const METRIC = `id name unit polarity frequency areaNumbers actionIds definitionRevisions
  latest { id period value asAt provisional } previous { period value } baseline { period value }
  trend { direction improving changeSincePrevious } changeSinceBaseline target { period target amberTolerance } rag
  comparators { comparator period value }`;
const DEFINE = `mutation ($input: DefineMetricInput!) { defineMetric(input: $input) { ${METRIC} } }`;
const TARGET = `mutation ($input: SetMetricTargetInput!) { setMetricTarget(input: $input) { ${METRIC} } }`;
const RECORD = `mutation ($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { ${METRIC} } }`;
const CORRECT = `mutation ($input: CorrectMeasurementInput!) { correctMeasurement(input: $input) { ${METRIC} } }`;
const COMPARATOR = `mutation ($input: RecordComparatorInput!) { recordComparator(input: $input) { ${METRIC} } }`;

/** The brief's figures, written out here independently of the demo loader. */
const BRIEF: Record<string, { series: [string, number][]; comparators?: [string, string, number][]; provisional?: string[] }> = {
  'EHCPs per 10,000 population aged 0–25': {
    series: [['2025', 380.8]],
    comparators: [['ENGLAND', '2025', 364.1], ['REGION', '2025', 383.2], ['STATISTICAL_NEIGHBOURS', '2025', 394.2]],
  },
  'New EHCPs issued within 20 weeks (year to date)': { series: [['2025-08', 56]], comparators: [['ENGLAND', '2025-08', 46.4], ['REGION', '2025-08', 25.8]] },
  'New EHCPs issued in the month that exceeded 20 weeks': { series: [['2025-04', 25.9], ['2025-08', 87.1]] },
  '"Yes to assess" rate': { series: [['2020', 66.9], ['2021', 83.4], ['2022', 74.0], ['2023', 69.5]] },
  '"Yes to assess" decisions': { series: [['2020', 322], ['2021', 494], ['2022', 619], ['2023', 628]] },
  'Permanent exclusion rate per 100 pupils': {
    series: [['2019/20', 0.12], ['2020/21', 0.09], ['2021/22', 0.14], ['2022/23', 0.23], ['2023/24', 0.17], ['2024/25', 0.2]],
    comparators: [['ENGLAND', '2023/24', 0.13]],
    provisional: ['2024/25'],
  },
  'Permanent exclusions': {
    series: [['2019/20', 60], ['2020/21', 48], ['2021/22', 76], ['2022/23', 105], ['2023/24', 91], ['2024/25', 105]],
    provisional: ['2024/25'],
  },
  'Children with an EHCP in mainstream schools': { series: [['2025-02', 39.8], ['2025-09', 41.4]] },
  'Children with an EHCP in independent or non-maintained special schools': { series: [['2024-09', 11.3], ['2025-09', 10.8]] },
  'Appeals settled before tribunal': { series: [['2024/25', 30]] },
  'Early-years assessment request conversion': { series: [['2023/24', 95.68], ['2024/25', 97.9]] },
  'High needs gross spend per head aged 0–19': { series: [['2024/25', 908]], comparators: [['ENGLAND', '2024/25', 718], ['STATISTICAL_NEIGHBOURS', '2024/25', 736]] },
};

describe('The demo scorecard carries the brief’s figures', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loadDemoPlan: true, now: NOW, areas: ['demo-area'] });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('has every measure with its real series, provisional marks and comparators', async () => {
    const res = await app.gql(`{ scorecard(planId: "demo-plan") { name series { period value provisional } comparatorSeries { comparator neighbour period value } } }`);
    expect(res.errors).toBeUndefined();
    const byName = Object.fromEntries(res.data.scorecard.map((m: { name: string }) => [m.name, m]));
    expect(Object.keys(byName).sort()).toEqual(Object.keys(BRIEF).sort());
    for (const [name, expected] of Object.entries(BRIEF)) {
      const metric = byName[name];
      expect({ name, series: metric.series.map((s: { period: string; value: number }) => [s.period, s.value]) }).toEqual({ name, series: expected.series });
      expect(metric.series.filter((s: { provisional: boolean }) => s.provisional).map((s: { period: string }) => s.period)).toEqual(expected.provisional ?? []);
      // The brief's aggregates; the named neighbours are the next test's.
      const aggregates = metric.comparatorSeries.filter((c: { neighbour: string | null }) => c.neighbour === null);
      const comparators = aggregates.map((c: { comparator: string; period: string; value: number }) => [c.comparator, c.period, c.value]);
      expect({ name, comparators: comparators.sort() }).toEqual({ name, comparators: (expected.comparators ?? []).slice().sort() });
    }
  });

  it('names each of the ten statistical neighbours the papers list, apart from their median, then and now', async () => {
    const SPEND = `query ($recordedBy: String) { scorecard(planId: "demo-plan", area: 8, recordedBy: $recordedBy) {
      name comparators { comparator neighbour } comparatorSeries { comparator neighbour period value } } }`;
    for (const recordedBy of [undefined, NOW.slice(0, 10)]) {
      const res = await app.gql(SPEND, { recordedBy });
      expect(res.errors).toBeUndefined();
      const spend = res.data.scorecard.find((m: { name: string }) => m.name.startsWith('High needs gross spend per head'));
      const named = spend.comparatorSeries.filter((c: { comparator: string }) => c.comparator === 'STATISTICAL_NEIGHBOUR');
      expect(named.map((c: { neighbour: string }) => c.neighbour)).toEqual([
        'Bedford', 'Bexley', 'Devon', 'East Sussex', 'Essex', 'Kent', 'Milton Keynes', 'Norfolk', 'Southend-on-Sea', 'West Sussex',
      ]);
      const values = named.map((c: { value: number }) => c.value).sort((a: number, b: number) => a - b);
      expect([values[0], (values[4] + values[5]) / 2, values[9]]).toEqual([548, 736, 932]);
      // The latest period's published comparators stay the aggregates the report prints.
      expect(spend.comparators).toEqual([{ comparator: 'ENGLAND', neighbour: null }, { comparator: 'STATISTICAL_NEIGHBOURS', neighbour: null }]);
    }
  });

  it('refuses a named neighbour without its council, or a council on England, naming the field and rule', async () => {
    const { scorecard } = (await app.gql(`{ scorecard(planId: "demo-plan", area: 8) { id name } }`)).data;
    const metricId = scorecard.find((m: { name: string }) => m.name.startsWith('High needs gross spend per head')).id;
    const RECORD = `mutation ($input: RecordComparatorInput!) { recordComparator(input: $input) { comparatorSeries { neighbour } } }`;
    const office = app.as('programme-office');
    const base = { metricId, period: '2024/25', value: 700, source: 'DfE LAIT' };
    const missing = await office.gql(RECORD, { input: { ...base, comparator: 'STATISTICAL_NEIGHBOUR' } });
    expect(missing.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'neighbour', rule: 'neighbourRequired' });
    const onEngland = await office.gql(RECORD, { input: { ...base, comparator: 'ENGLAND', neighbour: 'Kent' } });
    expect(onEngland.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'neighbour', rule: 'neighbourOnlyForStatisticalNeighbour' });
  });

  it('judges EHCPs within 20 weeks against the 60% target for March 2026: Amber at 56%', async () => {
    const res = await app.gql(`{ scorecard(planId: "demo-plan", area: 5) { name rag target { period target amberTolerance } latest { value } } }`);
    const timeliness = res.data.scorecard.find((m: { name: string }) => m.name.startsWith('New EHCPs issued within 20 weeks'));
    expect(timeliness).toEqual({
      name: 'New EHCPs issued within 20 weeks (year to date)',
      rag: 'AMBER',
      target: { period: '2026-03', target: 60, amberTolerance: 10 },
      latest: { value: 56 },
    });
    expect(res.data.scorecard.every((m: { name: string }) => BRIEF[m.name])).toBe(true);
  });

  it('shows trend since the previous period and since the baseline, the good way or not', async () => {
    const res = await app.gql(`{ scorecard(planId: "demo-plan") { name trend { direction improving changeSincePrevious } changeSinceBaseline } }`);
    const byName = Object.fromEntries(res.data.scorecard.map((m: { name: string }) => [m.name, m]));
    expect(byName['Children with an EHCP in mainstream schools']).toMatchObject({ trend: { direction: 'UP', improving: true, changeSincePrevious: 1.6 }, changeSinceBaseline: 1.6 });
    expect(byName['Permanent exclusion rate per 100 pupils']).toMatchObject({ trend: { direction: 'UP', improving: false, changeSincePrevious: 0.03 }, changeSinceBaseline: 0.08 });
    expect(byName['Appeals settled before tribunal']).toMatchObject({ trend: null, changeSinceBaseline: null });
  });

  it('lists, from an action, the metrics it is meant to move', async () => {
    const events = await app.allEvents();
    const action = events.find((e) => e.type === 'ActionAdded' && e.data.ref === '5.3')!;
    const res = await app.gql(`{ action(id: "${action.data.actionId}") { ref metrics { name } } }`);
    expect(res.data.action.metrics.map((m: { name: string }) => m.name).sort()).toEqual([
      'New EHCPs issued in the month that exceeded 20 weeks',
      'New EHCPs issued within 20 weeks (year to date)',
    ]);
  });
});

describe('Recording the scorecard: targets, RAG, corrections and refusals', () => {
  let app: TestApp;
  let metricId: string;
  let actionId: string;

  beforeAll(async () => {
    app = await startTestApp({ now: NOW });
    await app.gql(CREATE_PLAN, { input: planInput('scores') });
    actionId = (await app.gql(ADD_ACTION, { input: actionInput('scores', '5.3') })).data.addAction.id;
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: ['test-area'] });
    await app.addUser({ userId: 'member', roles: ['BOARD_MEMBER'], areas: ['test-area'] });
    await app.addUser({ userId: 'elsewhere', roles: ['PLAN_ADMINISTRATOR'], areas: ['other-area'] });
    const defined = await app.gql(DEFINE, {
      input: {
        planId: 'scores', code: 'ehcp-20-weeks', name: 'New EHCPs within 20 weeks', description: 'Year to date',
        unit: 'PERCENT', polarity: 'HIGHER_IS_BETTER', frequency: 'MONTHLY', source: 'SEN2', owner: 'Head of SEND Assessment',
        areaNumbers: [5], actionIds: [actionId],
      },
    });
    expect(defined.errors).toBeUndefined();
    metricId = defined.data.defineMetric.id;
    expect((await app.gql(TARGET, { input: { metricId, period: '2026-03', target: 60, amberTolerance: 10 } })).errors).toBeUndefined();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('still loads a comparator recorded before named neighbours (ComparatorRecorded v1) as an aggregate naming no council', async () => {
    const streamId = metricStream(metricId);
    const head = (await app.store().readStream(streamId)).at(-1)!.revision;
    await app.store().appendToStream(
      streamId,
      [
        {
          id: '5c0a1d2e-0000-4000-8000-000000000001',
          type: 'ComparatorRecorded',
          data: { metricId, period: '2025-04', comparator: 'STATISTICAL_NEIGHBOURS', value: 39.4, source: 'DfE LAIT' },
          metadata: { schemaVersion: 1, occurredAt: '2026-02-01T09:00:00.000Z', commandId: 'v1-c', correlationId: 'v1-c', causationId: 'v1-c', actor: { userId: TESTER, role: 'PLAN_ADMINISTRATOR' } },
        },
      ],
      head,
    );
    await app.app.get(ProjectionService).caughtUpToHead();
    const SERIES = `query ($recordedBy: String) { scorecard(planId: "scores", recordedBy: $recordedBy) { comparatorSeries { comparator neighbour period value } } }`;
    for (const recordedBy of [undefined, NOW.slice(0, 10)]) {
      const res = await app.gql(SERIES, { recordedBy });
      expect(res.errors).toBeUndefined();
      expect(res.data.scorecard[0].comparatorSeries).toContainEqual({ comparator: 'STATISTICAL_NEIGHBOURS', neighbour: null, period: '2025-04', value: 39.4 });
    }
    // A named neighbour beside it, for the same period, keeps both.
    const named = await app.gql(`mutation ($input: RecordComparatorInput!) { recordComparator(input: $input) { comparatorSeries { comparator neighbour period value } } }`, {
      input: { metricId, period: '2025-04', comparator: 'STATISTICAL_NEIGHBOUR', neighbour: 'Kent', value: 41.2, source: 'DfE LAIT' },
    });
    expect(named.errors).toBeUndefined();
    expect(named.data.recordComparator.comparatorSeries.filter((c: { period: string }) => c.period === '2025-04')).toEqual([
      { comparator: 'STATISTICAL_NEIGHBOUR', neighbour: 'Kent', period: '2025-04', value: 41.2 },
      { comparator: 'STATISTICAL_NEIGHBOURS', neighbour: null, period: '2025-04', value: 39.4 },
    ]);
  });

  it('rates a figure against the target at the boundaries, and a correction keeps the figure it replaced', async () => {
    const recorded = await app.gql(RECORD, { input: { metricId, period: '2026-03', value: 60, asAt: '2026-03-31', source: 'SEN2 March' } });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data.recordMeasurement).toMatchObject({ rag: 'GREEN', latest: { period: '2026-03', value: 60 } });

    const steps: [number, string][] = [[59.99, 'AMBER'], [50, 'AMBER'], [49.99, 'RED'], [60.01, 'GREEN']];
    let current = recorded.data.recordMeasurement.latest.id;
    for (const [value, rag] of steps) {
      const corrected = await app.gql(CORRECT, {
        input: { metricId, supersedesMeasurementId: current, value, asAt: '2026-03-31', source: 'SEN2 March (revised)', reason: `Revised to ${value}` },
      });
      expect(corrected.errors).toBeUndefined();
      expect({ value, rag: corrected.data.correctMeasurement.rag }).toEqual({ value, rag });
      current = corrected.data.correctMeasurement.latest.id;
    }
    const series = await app.gql(`{ metric(id: "${metricId}") { current: series { value } all: series(includeSuperseded: true) { value supersededBy correctionReason } } }`);
    expect(series.data.metric.current).toEqual([{ value: 60.01 }]);
    expect(series.data.metric.all.map((m: { value: number }) => m.value)).toEqual([60, 59.99, 50, 49.99, 60.01]);
    expect(series.data.metric.all.filter((m: { supersededBy: string | null }) => m.supersededBy === null)).toHaveLength(1);
  });

  it('refuses a second figure for the same period, and a correction of a figure already corrected', async () => {
    const before = await app.allEvents();
    const again = await app.gql(RECORD, { input: { metricId, period: '2026-03', value: 61, asAt: '2026-03-31', source: 'SEN2' } });
    expect(again.errors![0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', rule: 'oneMeasurementPerPeriod' });
    const all = (await app.gql(`{ metric(id: "${metricId}") { series(includeSuperseded: true) { id supersededBy } } }`)).data.metric.series;
    const stale = all.find((m: { supersededBy: string | null }) => m.supersededBy !== null).id;
    const late = await app.gql(CORRECT, { input: { metricId, supersedesMeasurementId: stale, value: 1, asAt: '2026-03-31', source: 'x', reason: 'late' } });
    expect(late.errors![0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', rule: 'supersedesCurrent' });
    expect(await app.allEvents()).toEqual(before);
  });

  it.each([
    ['a month 13', RECORD, { period: '2026-13', value: 1, asAt: '2026-03-31', source: 'x' }, 'BAD_USER_INPUT', 'periodFormat'],
    ['an academic year for a monthly metric', RECORD, { period: '2026/27', value: 1, asAt: '2026-03-31', source: 'x' }, 'BAD_USER_INPUT', 'periodFormat'],
    ['a figure as at a future date', RECORD, { period: '2026-04', value: 1, asAt: '2026-07-01', source: 'x' }, 'BAD_USER_INPUT', null],
    ['a negative tolerance', TARGET, { period: '2026-04', target: 50, amberTolerance: -1 }, 'BAD_USER_INPUT', 'min'],
    ['an unknown comparator', COMPARATOR, { period: '2026-03', comparator: 'WALES', value: 1, source: 'x' }, 'BAD_USER_INPUT', null],
  ])('refuses %s and appends nothing', async (_, mutation, input, code, rule) => {
    const before = await app.allEvents();
    const res = await app.gql(mutation, { input: { metricId, ...input } });
    const ext = res.errors![0].extensions!;
    expect(ext.code).toBe(code);
    if (rule) expect([ext.rule, ...(ext.validationErrors ?? []).map((v: { rule: string }) => v.rule)]).toContain(rule);
    expect(await app.allEvents()).toEqual(before);
  });

  it('lets only the programme office keep the scorecard; the DfE adviser and the board read it', async () => {
    const before = await app.allEvents();
    const input = { metricId, period: '2026-03', comparator: 'ENGLAND', value: 46.4, source: 'DfE' };
    for (const user of ['adviser', 'member']) {
      const res = await app.as(user).gql(COMPARATOR, { input });
      expect({ user, code: res.errors![0].extensions!.code }).toEqual({ user, code: 'FORBIDDEN' });
    }
    const outsider = await app.as('elsewhere').gql(COMPARATOR, { input });
    expect(outsider.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(await app.allEvents()).toEqual(before);
    const read = await app.as('adviser').gql(`{ scorecard(planId: "scores") { name rag } }`);
    expect(read.data.scorecard).toEqual([{ name: 'New EHCPs within 20 weeks', rag: 'GREEN' }]);
    expect((await app.as('elsewhere').gql(`{ metric(id: "${metricId}") { name } }`)).errors![0].extensions!.code).toBe('NOT_FOUND');
    const recorded = await app.gql(COMPARATOR, { input });
    expect(recorded.data.recordComparator.comparators).toEqual([{ comparator: 'ENGLAND', period: '2026-03', value: 46.4 }]);
  });

  it('keeps each definition in the history when a metric is revised', async () => {
    app.clock.set('2026-06-15T11:00:00.000Z');
    const revised = await app.gql(`mutation ($input: ReviseMetricInput!) { reviseMetric(input: $input) { name definitionRevisions } }`, {
      input: {
        metricId, name: 'New EHCPs issued within 20 weeks (year to date)', description: 'Year to date, excluding exceptions',
        unit: 'PERCENT', polarity: 'HIGHER_IS_BETTER', frequency: 'MONTHLY', source: 'SEN2', owner: 'Head of SEND Assessment',
        areaNumbers: [5], actionIds: [actionId], reason: 'Named as in the DfE return',
      },
    });
    expect(revised.errors).toBeUndefined();
    expect(revised.data.reviseMetric).toEqual({ name: 'New EHCPs issued within 20 weeks (year to date)', definitionRevisions: 1 });
    const history = await app.gql(`{ metric(id: "${metricId}") { definitions { version name description reason recordedBy } } }`);
    expect(history.data.metric.definitions).toEqual([
      { version: 1, name: 'New EHCPs within 20 weeks', description: 'Year to date', reason: null, recordedBy: 'Alex Morgan' },
      { version: 2, name: 'New EHCPs issued within 20 weeks (year to date)', description: 'Year to date, excluding exceptions', reason: 'Named as in the DfE return', recordedBy: 'Alex Morgan' },
    ]);
    // As at before the revision, the scorecard shows the first definition and only it.
    const before = await app.gql(`{ scorecard(planId: "scores", asAt: "2026-06-15T10:30:00Z") { name definitionRevisions definitions { version } } }`);
    expect(before.data.scorecard).toEqual([{ name: 'New EHCPs within 20 weeks', definitionRevisions: 0, definitions: [{ version: 1 }] }]);
    const duplicate = await app.gql(DEFINE, {
      input: { planId: 'scores', code: 'ehcp-20-weeks', name: 'x', description: 'x', unit: 'COUNT', polarity: 'LOWER_IS_BETTER', frequency: 'ANNUAL', source: 'x', owner: 'x', areaNumbers: [1], actionIds: [] },
    });
    expect(duplicate.errors![0].extensions!.code).toBe('CONFLICT');
  });
});

describe('Importing measurements from a CSV: all or nothing, every bad row named', () => {
  let app: TestApp;
  const IMPORT = `mutation ($input: ImportMeasurementsInput!) { importMeasurements(input: $input) { dryRun rows imported errors { row field message } } }`;
  const define = (code: string, name: string, frequency: string) =>
    app.gql(DEFINE, {
      input: { planId: 'imports', code, name, description: name, unit: 'PERCENT', polarity: 'HIGHER_IS_BETTER', frequency, source: 'x', owner: 'x', areaNumbers: [4], actionIds: [] },
    });

  beforeAll(async () => {
    app = await startTestApp({ now: NOW });
    await app.gql(CREATE_PLAN, { input: planInput('imports') });
    await define('mainstream', 'Children with an EHCP in mainstream schools', 'MONTHLY');
    await define('exclusions', 'Permanent exclusion rate per 100 pupils', 'ACADEMIC_YEAR');
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: ['test-area'] });
  });

  afterAll(async () => {
    await app?.close();
  });

  const GOOD = [
    'metric,period,value,as_at,source,provisional',
    'Children with an EHCP in mainstream schools,2025-02,39.8,2025-02-28,SEN2,no',
    'children with an ehcp in mainstream schools,2025-09,41.4,2025-09-30,"SEN2, September",',
    'Permanent exclusion rate per 100 pupils,2023/24,0.17,2024-08-31,DfE,no',
    'Permanent exclusion rate per 100 pupils,2024/25,0.20,2025-08-31,DfE,yes',
  ].join('\r\n');

  it('reports every bad row by number and reason, and imports nothing even when asked to', async () => {
    const bad = [
      'metric,period,value,as_at,source,provisional',
      'Children with an EHCP in mainstream schools,2025-02,39.8,2025-02-28,SEN2,no',
      'Unknown measure,2025-02,1,2025-02-28,SEN2,no',
      'Permanent exclusion rate per 100 pupils,2024-25,0.2,2025-08-31,DfE,no',
      'Children with an EHCP in mainstream schools,2025-03,forty,2025-03-31,SEN2,no',
      'Children with an EHCP in mainstream schools,2025-02,40.1,2025-02-28,SEN2,no',
      'Children with an EHCP in mainstream schools,2025-04,40,2025-02-30,SEN2,no',
      'Children with an EHCP in mainstream schools,2025-05,40,2025-05-31,SEN2,maybe',
    ].join('\n');
    const before = await app.allEvents();
    for (const dryRun of [true, false]) {
      const res = await app.gql(IMPORT, { input: { planId: 'imports', csv: bad, dryRun } });
      expect(res.errors).toBeUndefined();
      const result = res.data.importMeasurements;
      expect(result).toMatchObject({ dryRun, rows: 7, imported: 0 });
      expect(result.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
        [3, 'metric'],
        [4, 'period'],
        [5, 'value'],
        [6, 'period'],
        [7, 'as_at'],
        [8, 'provisional'],
      ]);
      expect(result.errors[0].message).toContain('Row 3');
    }
    expect(await app.allEvents()).toEqual(before);
  });

  it('will not guess whether a file is to be imported: dryRun is required, and leaving it out writes nothing', async () => {
    const before = await app.allEvents();
    const byVariables = await app.gql(IMPORT, { input: { planId: 'imports', csv: GOOD } });
    expect(byVariables.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(byVariables.errors![0].message).toMatch(/Field "dryRun" of required type "Boolean!" was not provided/);
    const inline = await app.gql(`mutation { importMeasurements(input: { planId: "imports", csv: "metric,period,value,as_at,source,provisional" }) { imported } }`);
    expect(inline.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(inline.errors![0].message).toMatch(/ImportMeasurementsInput\.dryRun/);
    const notABoolean = await app.gql(IMPORT, { input: { planId: 'imports', csv: GOOD, dryRun: null } });
    expect(notABoolean.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(await app.allEvents()).toEqual(before);
  });

  it('checks a good file in a dry run without writing, then imports it whole', async () => {
    const before = await app.allEvents();
    const dry = (await app.gql(IMPORT, { input: { planId: 'imports', csv: GOOD, dryRun: true } })).data.importMeasurements;
    expect(dry).toEqual({ dryRun: true, rows: 4, imported: 0, errors: [] });
    expect(await app.allEvents()).toEqual(before);
    const real = (await app.gql(IMPORT, { input: { planId: 'imports', csv: GOOD, dryRun: false } })).data.importMeasurements;
    expect(real).toEqual({ dryRun: false, rows: 4, imported: 4, errors: [] });
    const card = (await app.gql(`{ scorecard(planId: "imports") { name series { period value provisional source } } }`)).data.scorecard;
    expect(card).toEqual([
      { name: 'Children with an EHCP in mainstream schools', series: [
        { period: '2025-02', value: 39.8, provisional: false, source: 'SEN2' },
        { period: '2025-09', value: 41.4, provisional: false, source: 'SEN2, September' },
      ] },
      { name: 'Permanent exclusion rate per 100 pupils', series: [
        { period: '2023/24', value: 0.17, provisional: false, source: 'DfE' },
        { period: '2024/25', value: 0.2, provisional: true, source: 'DfE' },
      ] },
    ]);
    const again = (await app.gql(IMPORT, { input: { planId: 'imports', csv: GOOD, dryRun: false } })).data.importMeasurements;
    expect(again.imported).toBe(0);
    expect(again.errors).toHaveLength(4);
  });

  it('refuses a file without the expected columns, and the DfE adviser even a dry run', async () => {
    const headerless = (await app.gql(IMPORT, { input: { planId: 'imports', csv: 'metric,value\nx,1', dryRun: true } })).data.importMeasurements;
    expect(headerless.errors).toEqual([expect.objectContaining({ row: 1, field: 'header' })]);
    const adviser = await app.as('adviser').gql(IMPORT, { input: { planId: 'imports', csv: GOOD, dryRun: true } });
    expect(adviser.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
