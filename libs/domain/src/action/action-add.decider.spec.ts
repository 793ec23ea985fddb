import { decidePlan, evolvePlan, initialPlanState, PlanState } from '../plan/plan.decider';
import { PlanNotFoundError } from '../plan/plan.errors';
import { ActionOwner } from './action-owner';
import { AddAction } from './action.commands';
import { ActionState, decideAction } from './action.decider';
import {
  ActionRefTakenError,
  MilestoneAlreadyExistsError,
  RefOutsideAreaError,
  UnknownAreaError,
  UnknownPriorityError,
} from './action.errors';
import { refusal } from '../shared/refusal.fixture';
import { given, meta } from './action.fixture';

// The plan comes from its own decider so the action is checked against the real seeded areas and priorities.
const plan: PlanState = decidePlan(
  {
    type: 'CreatePlan',
    data: {
      planId: 'plan-1',
      localArea: { id: 'dorset', name: 'Dorset' },
      title: 'SEND and AP Improvement Plan',
      version: '2',
      approvedOn: '2025-09-24',
    },
  },
  initialPlanState(),
  meta(),
).reduce(evolvePlan, initialPlanState());

const financeLead: ActionOwner = {
  ownerId: 'owner-finance-lead',
  name: 'Sam Patel',
  role: 'Finance Lead – High Needs',
  organisation: 'Council',
};

function addAction(data: Partial<AddAction['data']> = {}): AddAction {
  return {
    type: 'AddAction',
    data: {
      actionId: 'action-8-2',
      planId: 'plan-1',
      ref: '8.2',
      areaNumber: 8,
      priorityNumbers: [7],
      title: 'Develop and deliver the High Needs Block deficit recovery plan',
      description: 'Draft the deficit recovery plan and put its governance live.',
      intendedImpact: 'High Needs Block spending forecast and controlled.',
      owner: financeLead,
      leadOrganisation: 'Council',
      dueDate: '2026-01-31',
      ...data,
    },
  };
}

const whenAdded = (command: AddAction, state: ActionState = given([]), planState: PlanState | undefined = plan) =>
  decideAction(command, state, meta(), { plan: planState });

describe('AddAction', () => {
  it('given an active plan, emits ActionAdded with the plan id and the checked fields', () => {
    expect(whenAdded(addAction())).toEqual([
      {
        type: 'ActionAdded',
        data: {
          actionId: 'action-8-2',
          planId: 'plan-1',
          ref: '8.2',
          areaNumber: 8,
          priorityNumbers: [7],
          title: 'Develop and deliver the High Needs Block deficit recovery plan',
          description: 'Draft the deficit recovery plan and put its governance live.',
          intendedImpact: 'High Needs Block spending forecast and controlled.',
          owner: financeLead,
          leadOrganisation: 'Council',
          dueDate: '2026-01-31',
        },
      },
    ]);
  });

  it('trims the text fields and the owner before recording them', () => {
    const [event] = whenAdded(
      addAction({
        ref: ' 8.2 ',
        title: '  Deficit recovery plan  ',
        owner: { ownerId: ' owner-finance-lead ', name: ' Sam Patel ', role: ' Finance Lead – High Needs ', organisation: ' Council ' },
      }),
    );
    expect(event.data).toMatchObject({ ref: '8.2', title: 'Deficit recovery plan', owner: financeLead });
  });

  it('de-duplicates and sorts the recovery priorities', () => {
    const [event] = whenAdded(addAction({ priorityNumbers: [7, 2, 5, 7, 2] }));
    expect(event.data).toMatchObject({ priorityNumbers: [2, 5, 7] });
  });

  it('accepts an action that supports no recovery priority', () => {
    const [event] = whenAdded(addAction({ ref: '2.1', areaNumber: 2, priorityNumbers: [] }));
    expect(event.data).toMatchObject({ ref: '2.1', areaNumber: 2, priorityNumbers: [] });
  });

  it('emits the initial milestones as MilestoneAdded events after ActionAdded, in order', () => {
    const events = whenAdded(
      addAction({
        milestones: [
          { milestoneId: 'm-draft', title: ' Draft plan to the board ', dueDate: '2025-11-30' },
          { milestoneId: 'm-governance', title: 'Governance live', dueDate: '2026-01-31' },
        ],
      }),
    );
    expect(events.map((e) => e.type)).toEqual(['ActionAdded', 'MilestoneAdded', 'MilestoneAdded']);
    expect(events.slice(1)).toEqual([
      { type: 'MilestoneAdded', data: { actionId: 'action-8-2', milestoneId: 'm-draft', title: 'Draft plan to the board', dueDate: '2025-11-30' } },
      { type: 'MilestoneAdded', data: { actionId: 'action-8-2', milestoneId: 'm-governance', title: 'Governance live', dueDate: '2026-01-31' } },
    ]);
  });

  it('refuses duplicate milestone ids among the initial milestones', () => {
    const milestones = [
      { milestoneId: 'm-1', title: 'Phase 1', dueDate: '2025-12-31' },
      { milestoneId: 'm-1', title: 'Phase 2', dueDate: '2026-02-28' },
    ];
    const error = refusal(() => whenAdded(addAction({ milestones })));
    expect(error).toBeInstanceOf(MilestoneAlreadyExistsError);
    expect(error).toMatchObject({ kind: 'already_exists', rule: 'milestoneIdUnique' });
  });

  it.each([
    ['milestone.title', { milestoneId: 'm-1', title: ' ', dueDate: '2025-12-31' }, 'required'],
    ['milestone.dueDate', { milestoneId: 'm-1', title: 'Phase 1', dueDate: '2025-11-31' }, 'isCalendarDate'],
  ])('refuses an initial milestone with a bad %s', (field, milestone, rule) => {
    expect(refusal(() => whenAdded(addAction({ milestones: [milestone] })))).toMatchObject({ kind: 'invalid', field, rule });
  });

  it('refuses when the plan is not given', () => {
    const error = refusal(() => decideAction(addAction(), given([]), meta(), {}));
    expect(error).toBeInstanceOf(PlanNotFoundError);
    expect(error).toMatchObject({ kind: 'not_found', rule: 'planExists' });
  });

  it('refuses when the plan does not exist yet', () => {
    expect(refusal(() => whenAdded(addAction(), given([]), initialPlanState()))).toBeInstanceOf(PlanNotFoundError);
  });

  it('given the action already exists, refuses because the reference is taken', () => {
    const existing = given(whenAdded(addAction()));
    const error = refusal(() => whenAdded(addAction(), existing));
    expect(error).toBeInstanceOf(ActionRefTakenError);
    expect(error).toMatchObject({ kind: 'already_exists', rule: 'refUniqueInPlan' });
    expect(error.message).toContain('8.2');
  });

  it.each([0, 9])('refuses area %i, which is not one of the plan areas', (areaNumber) => {
    const error = refusal(() => whenAdded(addAction({ areaNumber, ref: `${areaNumber}.1` })));
    expect(error).toBeInstanceOf(UnknownAreaError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'areaInPlan' });
  });

  it.each([0, 8])('refuses priority %i, which is not one of the plan priorities', (priority) => {
    const error = refusal(() => whenAdded(addAction({ priorityNumbers: [7, priority] })));
    expect(error).toBeInstanceOf(UnknownPriorityError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'priorityInPlan' });
  });

  it.each(['7.1', '8', '8.', '18.2', '8.2.1', 'A8.2'])('refuses ref %s for an action in area 8', (ref) => {
    const error = refusal(() => whenAdded(addAction({ ref })));
    expect(error).toBeInstanceOf(RefOutsideAreaError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'refMatchesArea' });
  });

  it.each([
    ['8.02', '8.2'],
    ['8.010a', '8.10a'],
  ])('refuses ref %s, which would be read as %s', (ref, meant) => {
    const error = refusal(() => whenAdded(addAction({ ref, areaNumber: 8 })));
    expect(error).toMatchObject({ kind: 'invalid', field: 'ref', rule: 'noLeadingZeros' });
    expect(error.message).toBe(`Action reference ${ref} must be written ${meant}: it would be read as that action`);
  });

  it.each(['8.1', '8.12', '8.2a', '8.0', '8.10'])('accepts ref %s for an action in area 8', (ref) => {
    expect(whenAdded(addAction({ ref }))[0].data).toMatchObject({ ref });
  });

  it.each(['ref', 'title', 'description', 'intendedImpact', 'leadOrganisation'] as const)(
    'refuses a blank %s',
    (field) => {
      const error = refusal(() => whenAdded(addAction({ [field]: '   ' })));
      expect(error).toMatchObject({ kind: 'invalid', rule: 'required', field });
    },
  );

  it.each(['ownerId', 'name', 'role', 'organisation'] as const)('refuses an owner with a blank %s', (key) => {
    const error = refusal(() => whenAdded(addAction({ owner: { ...financeLead, [key]: '' } })));
    expect(error).toMatchObject({ kind: 'invalid', rule: 'required', field: `owner.${key}` });
  });

  it('refuses a command with no owner at all, naming the owner id rather than failing on it', () => {
    const error = refusal(() => whenAdded(addAction({ owner: undefined as unknown as ActionOwner })));
    expect(error).toMatchObject({ kind: 'invalid', rule: 'required', field: 'owner.ownerId' });
  });

  it.each(['2025-02-30', '2026-13-01', '31/01/2026', ''])('refuses due date %p', (dueDate) => {
    const error = refusal(() => whenAdded(addAction({ dueDate })));
    expect(error).toMatchObject({ kind: 'invalid', rule: 'isCalendarDate', field: 'dueDate' });
  });
});
