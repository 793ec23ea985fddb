import { actionIdFor, riskIdFor } from './deterministic-id';

describe('Ids named from a plan and a reference', () => {
  it('give one risk stream per reference in a plan, whatever the spacing', () => {
    expect(riskIdFor('plan-1', ' R3 ')).toBe(riskIdFor('plan-1', 'R3'));
    expect(riskIdFor('plan-1', 'R3')).not.toBe(riskIdFor('plan-2', 'R3'));
    expect(riskIdFor('plan-1', 'R3')).not.toBe(riskIdFor('plan-1', 'R4'));
  });

  it('never give a risk the id of an action or the other way round', () => {
    expect(riskIdFor('plan-1', '8.2')).not.toBe(actionIdFor('plan-1', '8.2'));
  });
});
