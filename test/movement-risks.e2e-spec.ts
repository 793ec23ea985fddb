import { riskInput } from './support/mutation-catalogue';
import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';

/**
 * A hand-built history with known answers, between 31 January and 31 March 2026, against the
 * default escalation threshold of 15: R1 is re-scored 12 → 16 (onto the board's agenda), R2
 * 16 → 12 (off it), R3 up to 9 and back to 6 (no net move) and is then recorded as an issue, R4
 * is closed, R5 is raised. Action 1.1's confidence falls High → Low, 1.2's rises Medium → High,
 * and 1.3 is added and first rated Low, which is not a fall.
 */
const PLAN = 'risks-moving';
const FROM = '2026-01-31';
const TO = '2026-03-31';

const RISK_FIELDS = 'id ref status revision current { score }';
const riskOp = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${RISK_FIELDS} } }`;
const RATE = `mutation ($input: RateDeliveryConfidenceInput!) { rateDeliveryConfidence(input: $input) { id revision } }`;
const MOVEMENT = `query ($from: String, $to: String) {
  movement(planId: "${PLAN}", from: $from, to: $to) {
    counts { confidenceFell }
    areas { number counts { confidenceFell } }
    confidenceFell { action { ref deliveryConfidence { level } } from to }
    risks {
      counts { raised rescoredUp rescoredDown roseToThreshold fellBelowThreshold closed becameIssues }
      raised { ref current { score } }
      rescored { risk { ref status escalation } from to direction crossing }
      closed { ref status outcome }
      becameIssues { ref status }
    }
  }
}`;

describe('Risks and delivery confidence in what moved, over HTTP', () => {
  let app: TestApp;
  const risks = new Map<string, { id: string; revision: number }>();
  const actions = new Map<string, { id: string; revision: number }>();

  const on = (day: string) => app.clock.set(`${day}T10:00:00.000Z`);
  const must = async (res: Promise<{ data?: any; errors?: unknown }>, field: string) => {
    const answer = await res;
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    return answer.data[field];
  };
  const raise = async (day: string, ref: string, current: { likelihood: number; impact: number }) => {
    on(day);
    const risk = await must(app.gql(riskOp('raiseRisk', 'RaiseRiskInput'), { input: { ...riskInput(PLAN), ref, title: `Risk ${ref}`, inherent: { likelihood: 5, impact: 5 }, current } }), 'raiseRisk');
    risks.set(ref, risk);
  };
  const onRisk = async (day: string, name: string, inputType: string, ref: string, input: Record<string, unknown>) => {
    on(day);
    const risk = await must(app.gql(riskOp(name, inputType), { input: { riskId: risks.get(ref)!.id, expectedRevision: risks.get(ref)!.revision, ...input } }), name);
    risks.set(ref, risk);
  };
  const rescore = (day: string, ref: string, likelihood: number, impact: number) =>
    onRisk(day, 'rescoreRisk', 'RescoreRiskInput', ref, { current: { likelihood, impact }, commentary: `Now ${likelihood * impact}`, asAt: day });
  const add = async (day: string, ref: string) => {
    on(day);
    actions.set(ref, await must(app.gql(ADD_ACTION, { input: actionInput(PLAN, ref, { areaNumber: 1 }) }), 'addAction'));
  };
  const rate = async (day: string, ref: string, confidence: string) => {
    on(day);
    const { id, revision } = actions.get(ref)!;
    actions.set(ref, await must(app.gql(RATE, { input: { actionId: id, expectedRevision: revision, confidence, commentary: `${confidence} as at ${day}`, asAt: day } }), 'rateDeliveryConfidence'));
  };

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-01-10T10:00:00.000Z' });
    await must(app.gql(CREATE_PLAN, { input: planInput(PLAN) }), 'createPlan');
    await add('2026-01-10', '1.1');
    await add('2026-01-10', '1.2');
    await rate('2026-01-12', '1.1', 'HIGH');
    await rate('2026-01-12', '1.2', 'MEDIUM');
    await raise('2026-01-12', 'R1', { likelihood: 3, impact: 4 });
    await raise('2026-01-12', 'R2', { likelihood: 4, impact: 4 });
    await raise('2026-01-12', 'R3', { likelihood: 2, impact: 3 });
    await raise('2026-01-12', 'R4', { likelihood: 3, impact: 3 });

    await rescore('2026-02-03', 'R1', 4, 4);
    await rescore('2026-02-03', 'R2', 3, 4);
    await rescore('2026-02-04', 'R3', 3, 3);
    await rescore('2026-02-20', 'R3', 2, 3);
    await onRisk('2026-03-02', 'recordRiskAsIssue', 'RecordRiskAsIssueInput', 'R3', { commentary: 'The provider gave notice' });
    await onRisk('2026-03-03', 'closeRisk', 'CloseRiskInput', 'R4', { reason: 'The new unit opened' });
    await raise('2026-03-04', 'R5', { likelihood: 2, impact: 2 });
    await rate('2026-03-05', '1.1', 'LOW');
    await rate('2026-03-05', '1.2', 'HIGH');
    await add('2026-03-06', '1.3');
    await rate('2026-03-06', '1.3', 'LOW');
    // After the period: none of this is in it.
    await rescore('2026-04-02', 'R5', 5, 5);
    await rate('2026-04-02', '1.2', 'LOW');
    on('2026-04-03');
  });

  afterAll(() => app?.close());

  it('lists the risks raised, re-scored (and across the threshold), closed and become issues, and the actions whose confidence fell, state against state', async () => {
    const movement = await must(app.gql(MOVEMENT, { from: FROM, to: TO }), 'movement');
    expect(movement.risks).toEqual({
      counts: { raised: 1, rescoredUp: 1, rescoredDown: 1, roseToThreshold: 1, fellBelowThreshold: 1, closed: 1, becameIssues: 1 },
      raised: [{ ref: 'R5', current: { score: 4 } }],
      rescored: [
        { risk: { ref: 'R1', status: 'OPEN', escalation: ['AT_OR_ABOVE_THRESHOLD', 'RISING'] }, from: 12, to: 16, direction: 'UP', crossing: 'ROSE_TO_THRESHOLD' },
        { risk: { ref: 'R2', status: 'OPEN', escalation: [] }, from: 16, to: 12, direction: 'DOWN', crossing: 'FELL_BELOW_THRESHOLD' },
      ],
      closed: [{ ref: 'R4', status: 'CLOSED', outcome: 'The new unit opened' }],
      becameIssues: [{ ref: 'R3', status: 'BECAME_ISSUE' }],
    });
    expect(movement.confidenceFell).toEqual([{ action: { ref: '1.1', deliveryConfidence: { level: 'LOW' } }, from: 'HIGH', to: 'LOW' }]);
    expect(movement.counts.confidenceFell).toBe(1);
    expect(movement.areas.find((a: { number: number }) => a.number === 1).counts.confidenceFell).toBe(1);
    expect(movement.areas.find((a: { number: number }) => a.number === 2).counts.confidenceFell).toBe(0);
  });

  it('counts everything in the register as raised for a period that starts before the plan had risks, and shows each risk as at the end', async () => {
    const movement = await must(app.gql(MOVEMENT, { from: '2026-01-11', to: '2026-02-10' }), 'movement');
    expect(movement.risks.raised.map((r: { ref: string }) => r.ref)).toEqual(['R1', 'R2', 'R3', 'R4']);
    expect(movement.risks.raised.map((r: { current: { score: number } }) => r.current.score)).toEqual([16, 12, 9, 9]);
    expect(movement.risks.rescored).toEqual([]);
    expect(movement.confidenceFell).toEqual([]);
  });

  it('reads up to now when no end is given, including what moved after the period above', async () => {
    const movement = await must(app.gql(MOVEMENT, { from: TO }), 'movement');
    expect(movement.risks.rescored).toEqual([{ risk: { ref: 'R5', status: 'OPEN', escalation: ['AT_OR_ABOVE_THRESHOLD', 'RISING'] }, from: 4, to: 25, direction: 'UP', crossing: 'ROSE_TO_THRESHOLD' }]);
    expect(movement.confidenceFell).toEqual([{ action: { ref: '1.2', deliveryConfidence: { level: 'LOW' } }, from: 'HIGH', to: 'LOW' }]);
  });

  it('shows none of it to someone with no role in the plan’s area', async () => {
    await app.addUser({ userId: 'elsewhere', roles: ['BOARD_CHAIR'], areas: ['other-area'] });
    const res = await app.as('elsewhere').gql(MOVEMENT, { from: FROM, to: TO });
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
