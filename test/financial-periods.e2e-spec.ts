import { CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';

const NOW = '2026-01-20T10:00:00.000Z';
const METRIC = 'id frequency latest { period value asOfDate } series { period value } target { period target } rag';
const DEFINE = `mutation ($input: DefineMetricInput!) { defineMetric(input: $input) { ${METRIC} } }`;
const TARGET = `mutation ($input: SetMetricTargetInput!) { setMetricTarget(input: $input) { ${METRIC} } }`;
const RECORD = `mutation ($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { ${METRIC} } }`;

describe('Metrics measured by UK financial year and quarter, over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ now: NOW });
    await app.gql(CREATE_PLAN, { input: planInput('finance-periods') });
  });

  afterAll(async () => {
    await app?.close();
  });

  const define = async (code: string, frequency: string): Promise<string> => {
    const res = await app.gql(DEFINE, {
      input: {
        planId: 'finance-periods', code, name: `High needs spend (${code})`, description: 'Forecast outturn, £m',
        unit: 'GBP', polarity: 'LOWER_IS_BETTER', frequency, source: 'Budget monitoring', owner: 'Finance lead', areaNumbers: [1], actionIds: [],
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.defineMetric.frequency).toBe(frequency);
    return res.data.defineMetric.id;
  };

  it('records a measurement for 2025/26 Q2 and orders the quarters July–September before January–March', async () => {
    const metricId = await define('hnb-quarterly', 'FINANCIAL_QUARTER');
    expect((await app.gql(TARGET, { input: { metricId, period: '2025/26 Q4', target: 57.5, amberTolerance: 5 } })).errors).toBeUndefined();
    for (const [period, value, asAt] of [['2025/26 Q3', 68, '2025-12-31'], ['2025/26 Q2', 71, '2025-09-30'], ['2025/26 Q1', 60, '2025-06-30']] as const) {
      const res = await app.gql(RECORD, { input: { metricId, period, value, asOfDate: asAt, source: 'Budget monitoring' } });
      expect(res.errors).toBeUndefined();
    }
    const metric = (await app.gql(`{ metric(id: "${metricId}") { ${METRIC} } }`)).data.metric;
    expect(metric.series.map((s: { period: string }) => s.period)).toEqual(['2025/26 Q1', '2025/26 Q2', '2025/26 Q3']);
    expect(metric.latest).toEqual({ period: '2025/26 Q3', value: 68, asOfDate: '2025-12-31' });
    expect(metric.target).toEqual({ period: '2025/26 Q4', target: 57.5 });
  });

  it('records a measurement for the financial year 2024/25', async () => {
    const metricId = await define('hnb-yearly', 'FINANCIAL_YEAR');
    const res = await app.gql(RECORD, { input: { metricId, period: '2024/25', value: 49.745, asOfDate: '2025-03-31', source: 'Outturn' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.recordMeasurement.latest).toMatchObject({ period: '2024/25', value: 49.745 });
  });

  it.each([
    ['FINANCIAL_QUARTER', '2025/26', 'a year on a quarterly metric'],
    ['FINANCIAL_QUARTER', '2025/26 Q5', 'a fifth quarter'],
    ['FINANCIAL_YEAR', '2025/27', 'years that are not consecutive'],
    ['FINANCIAL_YEAR', '2025/2026', 'a four-digit second year'],
  ])('refuses a %s period of %p (%s), naming the field, and appends nothing', async (frequency, period) => {
    const metricId = await define(`refuse-${frequency}-${period}`.toLowerCase().replace(/[^a-z0-9]+/g, '-'), frequency);
    const before = await app.allEvents();
    const res = await app.gql(RECORD, { input: { metricId, period, value: 1, asOfDate: '2025-09-30', source: 'x' } });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period', rule: 'periodFormat' });
    expect(res.errors![0].message).toContain(frequency === 'FINANCIAL_YEAR' ? 'a financial year (April to March) as YYYY/YY' : 'YYYY/YY Qn');
    expect(await app.allEvents()).toEqual(before);
  });
});
