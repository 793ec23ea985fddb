import { startTestApp, TestApp } from './support/test-app';
import { withNoNewEvents } from './support/no-new-events';

const LINE = 'id line priorityNumber label year period figure { millions } against { millions } rating summary';
const READ = `query ($recordedBy: String) { condition(planId: "demo-plan", ref: "C2", recordedBy: $recordedBy) { revision financeLines { ${LINE} } } }`;
const LINK = `mutation ($input: ConditionLinkInput!) { linkToCondition(input: $input) { revision financeLines { ${LINE} } } }`;
const UNLINK = `mutation ($input: ConditionLinkInput!) { unlinkFromCondition(input: $input) { revision financeLines { id } } }`;

/** The demo plan, loaded as at the quarterly report's examples: C2 (the deficit) linked to both High Needs Block lines. */
describe("A condition's finance lines, over HTTP", () => {
  let app: TestApp;
  let conditionId: string;
  const c2 = async (recordedBy?: string) => {
    const res = await app.gql(READ, { recordedBy });
    expect(res.errors).toBeUndefined();
    return res.data.condition as { revision: number; financeLines: Record<string, unknown>[] };
  };
  const link = (financeLine: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    c2().then(({ revision }) => app.gql(LINK, { input: { conditionId, expectedRevision: revision, financeLine, ...extra } }));

  beforeAll(async () => {
    app = await startTestApp({ loadDemoPlan: true, now: '2026-07-05T09:00:00.000Z', areas: ['demo-area'] });
    conditionId = (await app.gql(`{ condition(planId: "demo-plan", ref: "C2") { id } }`)).data.condition.id;
  });

  afterAll(() => app?.close());

  it('shows each High Needs Block line the demo links to C2 with its figure, what it is against and its rating, in words', async () => {
    // £113.257m brought forward, and a 2025/26 outturn of £450.2m on a £380m allocation: £70.2m in year, £183.457m at March.
    expect((await c2()).financeLines).toEqual([
      {
        id: 'HIGH_NEEDS_CUMULATIVE_DEFICIT', line: 'HIGH_NEEDS_CUMULATIVE_DEFICIT', priorityNumber: null, label: 'High Needs Block cumulative deficit against the trajectory',
        year: '2025/26', period: '2025/26 Q4', figure: { millions: '£183.457m' }, against: { millions: '£183.000m' }, rating: 'AMBER',
        summary: '£183.457m forecast for 31 March (2025/26 Q4) against the £183.000m trajectory: Amber',
      },
      {
        id: 'HIGH_NEEDS_IN_YEAR_DEFICIT', line: 'HIGH_NEEDS_IN_YEAR_DEFICIT', priorityNumber: null, label: 'High Needs Block in-year deficit against the budget',
        year: '2025/26', period: '2025/26 Q4', figure: { millions: '£70.200m' }, against: { millions: '£57.500m' }, rating: 'OVER_BUDGET',
        summary: '£70.200m in-year deficit forecast (2025/26 Q4) against £57.500m budgeted: over budget by £12.700m',
      },
    ]);
  });

  it('shows the figures as they stood at the instant the register is read as at', async () => {
    const history = (await app.gql(`{ highNeedsPosition(planId: "demo-plan") { forecastHistory { period recordedAt } } }`)).data.highNeedsPosition.forecastHistory as { period: string; recordedAt: string }[];
    const firstQ4 = history.find((f) => f.period === '2025/26 Q4')!.recordedAt;
    const before = new Date(Date.parse(firstQ4) - 1000).toISOString();
    // The Q3 forecast of £453.5m: £73.5m in year, £186.757m at March, £3.757m above the trajectory (within the £5m tolerance).
    expect((await c2(before)).financeLines.map((l) => [l.period, (l.figure as { millions: string }).millions, l.rating])).toEqual([
      ['2025/26 Q3', '£186.757m', 'AMBER'],
      ['2025/26 Q3', '£73.500m', 'OVER_BUDGET'],
    ]);
  });

  it("links a recovery priority's savings for the year, and unlinks it", async () => {
    const finance = (await app.gql(`{ planFinance(planId: "demo-plan") { priorities { number name years { year target { millions } savingsEvidenced { millions } shortfall { pence millions } } } } }`)).data.planFinance;
    const priority = finance.priorities.find((p: { years: { target: unknown }[] }) => p.years.some((y) => y.target !== null));
    const year = priority.years.filter((y: { year: string; target: unknown }) => y.target !== null && y.year <= '2026/27').at(-1);
    const linked = await link({ line: 'PRIORITY_SAVINGS', priorityNumber: priority.number });
    expect(linked.errors).toBeUndefined();
    const short = Number(year.shortfall.pence) > 0;
    expect(linked.data.linkToCondition.financeLines[2]).toEqual({
      id: `PRIORITY_SAVINGS:${priority.number}`, line: 'PRIORITY_SAVINGS', priorityNumber: priority.number,
      label: `Priority ${priority.number} (${priority.name}) savings against its target for the year`,
      year: year.year, period: null, figure: year.savingsEvidenced, against: year.target, rating: short ? 'SHORTFALL' : 'TARGET_MET',
      summary: `${year.savingsEvidenced.millions} savings evidenced against a ${year.target.millions} target for ${year.year}: ${short ? `shortfall of ${year.shortfall.millions}` : 'target met'}`,
    });
    const { revision } = await c2();
    const unlinked = await app.gql(UNLINK, { input: { conditionId, expectedRevision: revision, financeLine: { line: 'PRIORITY_SAVINGS', priorityNumber: priority.number } } });
    expect(unlinked.data.unlinkFromCondition.financeLines).toEqual([{ id: 'HIGH_NEEDS_CUMULATIVE_DEFICIT' }, { id: 'HIGH_NEEDS_IN_YEAR_DEFICIT' }]);
  });

  it('refuses a line outside the set, a line linked twice, and naming more than one thing, changing nothing', async () => {
    const errorOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors![0].extensions!;
    for (const financeLine of [{ line: 'PRIORITY_SAVINGS', priorityNumber: 42 }, { line: 'PRIORITY_SAVINGS' }, { line: 'HIGH_NEEDS_IN_YEAR_DEFICIT', priorityNumber: 1 }]) {
      const refused = errorOf(await withNoNewEvents(app, () => link(financeLine)));
      expect([refused.code, JSON.stringify(refused)]).toEqual(['BAD_USER_INPUT', expect.stringContaining('"field":"financeLine"')]);
      expect(JSON.stringify(refused)).toContain('knownFinanceLine');
    }
    const twice = errorOf(await withNoNewEvents(app, () => link({ line: 'HIGH_NEEDS_CUMULATIVE_DEFICIT' })));
    expect(JSON.stringify(twice)).toContain('linkIsNew');
    const actionId = (await app.gql(`{ action(planId: "demo-plan", ref: "8.3") { id } }`)).data.action.id;
    const both = errorOf(await withNoNewEvents(app, () => link({ line: 'HIGH_NEEDS_CUMULATIVE_DEFICIT' }, { actionId })));
    expect([both.code, JSON.stringify(both)]).toEqual(['BAD_USER_INPUT', expect.stringContaining('"field":"link"')]);
    const unknownLine = errorOf(await app.gql(LINK, { input: { conditionId, expectedRevision: 0, financeLine: { line: 'HIGH_NEEDS_DEFICIT' } } }));
    expect(unknownLine.code).toBe('BAD_USER_INPUT');
  });
});
