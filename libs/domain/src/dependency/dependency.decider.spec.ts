import { ActionState } from '../action/action.decider';
import { PlanState } from '../plan/plan.decider';
import { CommandMetadata } from '../shared/command-metadata';
import { refusal } from '../shared/refusal.fixture';
import { DependencyCommand } from './dependency.commands';
import { decideDependency, DependencyDecisionContext, DependencyNetworkState, evolveDependencyNetwork, initialDependencyNetworkState } from './dependency.decider';
import { DependencyEvent } from './dependency.events';

const meta: CommandMetadata = { now: '2026-12-07T10:00:00.000Z', commandId: 'c1', correlationId: 'c1' };
const plan = { status: 'active', planId: 'plan-1', areaNumbers: [5], priorityNumbers: [4] } as PlanState;
const action = (ref: string, status = 'OPEN', planId = 'plan-1'): ActionState =>
  ({ exists: true, actionId: `a-${ref}`, planId, ref, status }) as ActionState;

const declared = (ref: string, dependsOnRef: string): DependencyEvent => ({
  type: 'DependencyDeclared',
  data: { planId: 'plan-1', actionId: `a-${ref}`, actionRef: ref, dependsOnActionId: `a-${dependsOnRef}`, dependsOnRef, note: 'needs it first' },
});
const removed = (ref: string, dependsOnRef: string): DependencyEvent => ({
  type: 'DependencyRemoved',
  data: { planId: 'plan-1', actionId: `a-${ref}`, actionRef: ref, dependsOnActionId: `a-${dependsOnRef}`, dependsOnRef, reason: 'no longer' },
});
const given = (events: DependencyEvent[]): DependencyNetworkState => events.reduce(evolveDependencyNetwork, initialDependencyNetworkState());

const declare = (ref: string, dependsOnRef: string, note = 'The admissions redesign is the foundation for commissioning places'): DependencyCommand => ({
  type: 'DeclareDependency',
  data: { planId: 'plan-1', actionId: `a-${ref}`, dependsOnActionId: `a-${dependsOnRef}`, note },
});
const remove = (ref: string, dependsOnRef: string, reason = 'Agreed at the board: they can run side by side'): DependencyCommand => ({
  type: 'RemoveDependency',
  data: { planId: 'plan-1', actionId: `a-${ref}`, dependsOnActionId: `a-${dependsOnRef}`, reason },
});
/** The context a handler loads for a command: the plan and the two actions it names. */
const contextFor = (command: DependencyCommand, statuses: Record<string, string> = {}): DependencyDecisionContext => {
  const ref = (id: string) => id.replace(/^a-/, '');
  return {
    plan,
    action: action(ref(command.data.actionId), statuses[ref(command.data.actionId)]),
    dependsOnAction: action(ref(command.data.dependsOnActionId), statuses[ref(command.data.dependsOnActionId)]),
  };
};
const when = (command: DependencyCommand, state: DependencyNetworkState, context = contextFor(command)) => decideDependency(command, state, meta, context);

describe('declaring a dependency', () => {
  it('records both actions by id and reference, with the note trimmed', () => {
    expect(when(declare('5.3', '5.1', '  Places follow the redesign  '), given([]))).toEqual([
      { type: 'DependencyDeclared', data: { planId: 'plan-1', actionId: 'a-5.3', actionRef: '5.3', dependsOnActionId: 'a-5.1', dependsOnRef: '5.1', note: 'Places follow the redesign' } },
    ]);
  });

  it('needs a note saying why', () => {
    const error = refusal(() => when(declare('5.3', '5.1', '  '), given([])));
    expect([error.kind, error.field, error.rule]).toEqual(['invalid', 'note', 'required']);
  });

  it('refuses a plan that does not exist, or another plan', () => {
    for (const other of [undefined, { status: 'absent' } as PlanState, { ...plan, planId: 'plan-2' } as PlanState]) {
      const command = declare('5.3', '5.1');
      const error = refusal(() => when(command, given([]), { ...contextFor(command), plan: other }));
      expect([error.kind, error.rule]).toEqual(['not_found', 'planExists']);
    }
  });

  it.each([
    ['actionId', 'action'],
    ['dependsOnActionId', 'dependsOnAction'],
  ] as const)('refuses an %s that is not an action of the plan, naming the field', (field, key) => {
    const command = declare('5.3', '5.1');
    for (const missing of [undefined, { exists: false } as ActionState, action('5.9', 'OPEN', 'plan-2'), action('5.9')]) {
      const error = refusal(() => when(command, given([]), { ...contextFor(command), [key]: missing }));
      expect([error.kind, error.field, error.rule]).toEqual(['invalid', field, 'actionOfPlan']);
    }
  });

  it.each([
    ['actionId', 'action', '5.3'],
    ['dependsOnActionId', 'dependsOnAction', '5.1'],
  ] as const)('refuses %s naming an action of another plan, even with the right id', (field, key, ref) => {
    const command = declare('5.3', '5.1');
    const error = refusal(() => when(command, given([]), { ...contextFor(command), [key]: action(ref, 'OPEN', 'plan-2') }));
    expect([error.kind, error.field, error.rule]).toEqual(['invalid', field, 'actionOfPlan']);
  });

  it('refuses an action depending on itself', () => {
    const error = refusal(() => when(declare('5.1', '5.1'), given([])));
    expect([error.field, error.rule, error.message]).toEqual(['dependsOnActionId', 'notItself', 'Action 5.1 cannot depend on itself']);
  });

  it.each([
    ['5.3', 'actionId'],
    ['5.1', 'dependsOnActionId'],
  ] as const)('refuses when %s is withdrawn or superseded, naming %s', (ref, field) => {
    for (const status of ['WITHDRAWN', 'SUPERSEDED']) {
      const command = declare('5.3', '5.1');
      const error = refusal(() => when(command, given([]), contextFor(command, { [ref]: status })));
      expect([error.kind, error.field, error.rule]).toEqual(['rule_violation', field, 'actionNotClosed']);
      expect(error.message).toBe(`${field}: action ${ref} is ${status.toLowerCase()}, so it cannot take part in a dependency`);
    }
  });

  it('allows either end to be complete: the record of what waited for what stays true', () => {
    const command = declare('5.3', '5.1');
    expect(when(command, given([]), contextFor(command, { '5.1': 'COMPLETE', '5.3': 'COMPLETE' }))).toHaveLength(1);
  });

  it('refuses declaring the same dependency twice, and allows it again once removed', () => {
    const error = refusal(() => when(declare('5.3', '5.1'), given([declared('5.3', '5.1')])));
    expect([error.kind, error.rule, error.message]).toEqual(['already_exists', 'dependencyUnique', 'Action 5.3 already depends on 5.1']);
    expect(when(declare('5.3', '5.1'), given([declared('5.3', '5.1'), removed('5.3', '5.1')]))).toHaveLength(1);
  });

  it('refuses a direct cycle, naming it', () => {
    const error = refusal(() => when(declare('5.1', '5.3'), given([declared('5.3', '5.1')])));
    expect([error.kind, error.field, error.rule]).toEqual(['rule_violation', 'dependsOnActionId', 'noCycle']);
    expect(error.message).toBe('That dependency would make a cycle (5.1 → 5.3 → 5.1): an action would wait for itself');
  });

  it('refuses a cycle through other actions, naming the shortest loop', () => {
    const network = given([declared('5.3', '5.1'), declared('5.4', '5.3'), declared('5.5', '5.4'), declared('5.5', '5.1'), declared('5.2', '5.5')]);
    expect(refusal(() => when(declare('5.1', '5.5'), network)).message).toContain('(5.1 → 5.5 → 5.1)');
    expect(refusal(() => when(declare('5.1', '5.2'), network)).message).toContain('(5.1 → 5.2 → 5.5 → 5.1)');
    expect(refusal(() => when(declare('5.1', '5.4'), network)).message).toContain('(5.1 → 5.4 → 5.3 → 5.1)');
  });

  it('names the shortest loop when a longer one is found first', () => {
    // 5.1 waits for 5.2 (listed first) and 5.3; 5.2 waits for 5.3. The loop closed through 5.3 directly is the one to name.
    const network = given([declared('5.1', '5.2'), declared('5.1', '5.3'), declared('5.2', '5.3')]);
    expect(refusal(() => when(declare('5.3', '5.1'), network)).message).toContain('(5.3 → 5.1 → 5.3)');
  });

  it('allows a diamond and a second route: only a loop is refused', () => {
    const network = given([declared('5.3', '5.1'), declared('5.4', '5.1'), declared('5.5', '5.3')]);
    expect(when(declare('5.5', '5.4'), network)).toHaveLength(1);
    expect(when(declare('5.5', '5.1'), network)).toHaveLength(1);
  });

  it('allows what would have been a cycle once the dependency closing it is removed', () => {
    expect(when(declare('5.1', '5.3'), given([declared('5.3', '5.1'), removed('5.3', '5.1')]))).toHaveLength(1);
  });
});

describe('removing a dependency', () => {
  it('records the reason, trimmed', () => {
    expect(when(remove('5.3', '5.1', ' Side by side '), given([declared('5.3', '5.1')]))).toEqual([
      { type: 'DependencyRemoved', data: { planId: 'plan-1', actionId: 'a-5.3', actionRef: '5.3', dependsOnActionId: 'a-5.1', dependsOnRef: '5.1', reason: 'Side by side' } },
    ]);
  });

  it('needs a reason', () => {
    const error = refusal(() => when(remove('5.3', '5.1', ''), given([declared('5.3', '5.1')])));
    expect([error.field, error.rule]).toEqual(['reason', 'required']);
  });

  it('refuses a dependency that is not declared, or the reverse of one, or one already removed', () => {
    for (const [command, events] of [
      [remove('5.3', '5.1'), []],
      [remove('5.1', '5.3'), [declared('5.3', '5.1')]],
      [remove('5.3', '5.1'), [declared('5.3', '5.1'), removed('5.3', '5.1')]],
    ] as const) {
      const error = refusal(() => when(command, given([...events])));
      expect([error.kind, error.rule]).toEqual(['not_found', 'dependencyExists']);
    }
    expect(refusal(() => when(remove('5.3', '5.1'), given([]))).message).toBe('Action 5.3 does not depend on 5.1');
  });

  it('may remove a dependency on an action since withdrawn', () => {
    const command = remove('5.3', '5.1');
    expect(when(command, given([declared('5.3', '5.1')]), contextFor(command, { '5.1': 'WITHDRAWN' }))).toHaveLength(1);
  });
});

describe('the network folded from its events', () => {
  it('keeps each action’s dependencies in the order declared, without the removed ones', () => {
    const network = given([declared('5.3', '5.1'), declared('5.3', '5.2'), declared('5.4', '5.3'), removed('5.3', '5.1'), declared('5.3', '5.1')]);
    expect(network.dependsOn).toEqual({ 'a-5.3': ['a-5.2', 'a-5.1'], 'a-5.4': ['a-5.3'] });
    expect(network.refs).toEqual({ 'a-5.1': '5.1', 'a-5.2': '5.2', 'a-5.3': '5.3', 'a-5.4': '5.4' });
  });
});
