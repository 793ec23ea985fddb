import { ActionCommand } from './action.commands';
import { ActionDecisionContext, initialActionState } from './action.decider';
import { ActionAdded, ActionEvent } from './action.events';
import { ActionNotCompleteError, ActionNotOpenError, SupersedingActionInvalidError } from './action.errors';
import { RagStatus, ReportableRag } from './rag-status';
import { refusal } from '../shared/refusal.fixture';
import { given, when } from './action.fixture';

const actionId = 'action-6-1';
const addedAs = (id: string, ref: string, planId = 'plan-1'): ActionAdded => ({
  type: 'ActionAdded',
  data: {
    actionId: id,
    planId,
    ref,
    areaNumber: 6,
    priorityNumbers: [5],
    title: 'Specialist places pipeline',
    description: '224 specialist places in the pipeline (25/26: 96, 26/27: 128).',
    intendedImpact: 'Fewer out-of-area placements.',
    owner: { ownerId: 'owner-commissioning', name: 'Kim Shaw', role: 'Head of Commissioning', organisation: 'Council' },
    leadOrganisation: 'Council',
    dueDate: '2026-08-31',
  },
});
const added = addedAs(actionId, '6.1');
const reported = (rag: ReportableRag, asAt: string, previousRag: RagStatus): ActionEvent => ({
  type: 'ProgressReported',
  data: { actionId, rag, previousRag, commentary: 'Places update', asAt },
});
const acceptedEvidence: ActionEvent[] = [
  { type: 'EvidenceAttached', data: { actionId, evidenceId: 'ev-1', kind: 'ACTIVITY', title: 'Places delivered', link: null, documentReference: 'Sufficiency report', submittedBy: 'Kim Shaw', file: null } },
  { type: 'EvidenceAccepted', data: { actionId, evidenceId: 'ev-1' } },
];
const completed = (previousRag: RagStatus, asAt = '2026-03-11'): ActionEvent => ({
  type: 'ActionCompleted',
  data: { actionId, commentary: 'Places open', asAt, previousRag },
});
const withdrawn: ActionEvent = { type: 'ActionWithdrawn', data: { actionId, reason: 'No longer needed' } };
const superseded: ActionEvent = {
  type: 'ActionSuperseded',
  data: { actionId, supersededByActionId: 'action-6-4', supersededByRef: '6.4', reason: 'Replaced' },
};
const completeFromGreen = [added, reported('GREEN', '2026-01-14', 'NOT_YET_RATED'), ...acceptedEvidence, completed('GREEN')];

describe('ReopenAction', () => {
  const reopen = (reason = 'DfE asked for the forecast to be re-run'): ActionCommand => ({ type: 'ReopenAction', data: { actionId, reason } });

  it('given an action completed from Green, emits ActionReopened returning it to GREEN', () => {
    expect(when(reopen(' DfE asked for the forecast to be re-run '), given(completeFromGreen))).toEqual([
      { type: 'ActionReopened', data: { actionId, reason: 'DfE asked for the forecast to be re-run', rag: 'GREEN' } },
    ]);
  });

  it('leaves the action OPEN with its rating before completion once folded', () => {
    const state = given([...completeFromGreen, ...when(reopen(), given(completeFromGreen))]);
    expect(state).toMatchObject({ status: 'OPEN', rag: 'GREEN' });
  });

  it.each([
    ['AMBER', [reported('AMBER', '2026-01-14', 'NOT_YET_RATED')]],
    ['NOT_YET_RATED', []],
  ])('returns to %s when that was the rating before completion', (rag, reports) => {
    const history = [added, ...reports, ...acceptedEvidence, completed(rag as RagStatus)];
    expect(when(reopen(), given(history))[0].data).toMatchObject({ rag });
  });

  it('returns to the rating before the latest completion after a second round', () => {
    const history = [
      ...completeFromGreen,
      { type: 'ActionReopened', data: { actionId, reason: 'Evidence challenged', rag: 'GREEN' } } as ActionEvent,
      reported('RED', '2026-04-08', 'GREEN'),
      completed('RED', '2026-05-13'),
    ];
    expect(when(reopen(), given(history))[0].data).toMatchObject({ rag: 'RED' });
  });

  it.each([
    ['open', [added]],
    ['withdrawn', [added, withdrawn]],
    ['superseded', [added, superseded]],
  ])('refuses an %s action, because only complete actions reopen', (_status, history) => {
    const error = refusal(() => when(reopen(), given(history)));
    expect(error).toBeInstanceOf(ActionNotCompleteError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'reopenOnlyComplete' });
  });

  it('requires a reason', () => {
    expect(refusal(() => when(reopen('  '), given(completeFromGreen)))).toMatchObject({ kind: 'invalid', field: 'reason', rule: 'required' });
  });
});

describe('WithdrawAction', () => {
  const withdraw = (reason = 'Folded into the Deficit Recovery Plan governance'): ActionCommand => ({
    type: 'WithdrawAction',
    data: { actionId, reason },
  });

  it('emits ActionWithdrawn and folds to WITHDRAWN', () => {
    const events = when(withdraw(' Folded into the Deficit Recovery Plan governance '), given([added]));
    expect(events).toEqual([{ type: 'ActionWithdrawn', data: { actionId, reason: 'Folded into the Deficit Recovery Plan governance' } }]);
    expect(given([added, ...events])).toMatchObject({ status: 'WITHDRAWN' });
  });

  it('requires a reason', () => {
    expect(refusal(() => when(withdraw(''), given([added])))).toMatchObject({ kind: 'invalid', field: 'reason', rule: 'required' });
  });

  it.each([
    ['complete', completeFromGreen],
    ['withdrawn', [added, withdrawn]],
    ['superseded', [added, superseded]],
  ])('refuses a %s action', (_status, history) => {
    const error = refusal(() => when(withdraw(), given(history)));
    expect(error).toBeInstanceOf(ActionNotOpenError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'actionOpen' });
  });
});

describe('SupersedeAction', () => {
  const supersede = (supersededByActionId = 'action-6-4', reason = 'Replaced by the revised sufficiency action'): ActionCommand => ({
    type: 'SupersedeAction',
    data: { actionId, supersededByActionId, reason },
  });
  const successor = (...later: ActionEvent[]) => given([addedAs('action-6-4', '6.4'), ...later]);

  it('given an open successor in the same plan, emits ActionSuperseded carrying its ref', () => {
    expect(when(supersede(), given([added]), { supersedingAction: successor() })).toEqual([
      {
        type: 'ActionSuperseded',
        data: { actionId, supersededByActionId: 'action-6-4', supersededByRef: '6.4', reason: 'Replaced by the revised sufficiency action' },
      },
    ]);
  });

  it('folds to SUPERSEDED', () => {
    const events = when(supersede(), given([added]), { supersedingAction: successor() });
    expect(given([added, ...events])).toMatchObject({ status: 'SUPERSEDED' });
  });

  it('refuses the action itself as its successor', () => {
    const error = refusal(() => when(supersede(actionId), given([added]), { supersedingAction: given([added]) }));
    expect(error).toBeInstanceOf(SupersedingActionInvalidError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'supersededByOpenActionInPlan' });
    expect(error.message).toMatch(/itself/);
  });

  it.each([
    ['not given', {}],
    ['not yet added', { supersedingAction: initialActionState() }],
  ])('refuses a successor that is %s', (_case, context: ActionDecisionContext) => {
    const error = refusal(() => when(supersede(), given([added]), context));
    expect(error).toBeInstanceOf(SupersedingActionInvalidError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'supersededByOpenActionInPlan' });
  });

  it('refuses a successor in another plan', () => {
    const elsewhere = given([addedAs('action-6-4', '6.4', 'plan-2')]);
    expect(refusal(() => when(supersede(), given([added]), { supersedingAction: elsewhere })).message).toMatch(/same plan/);
  });

  it.each([
    ['withdrawn', { type: 'ActionWithdrawn', data: { actionId: 'action-6-4', reason: 'Dropped' } }],
    ['superseded', { type: 'ActionSuperseded', data: { actionId: 'action-6-4', supersededByActionId: 'action-6-5', supersededByRef: '6.5', reason: 'x' } }],
  ] as [string, ActionEvent][])('refuses a %s successor', (status, closing) => {
    const error = refusal(() => when(supersede(), given([added]), { supersedingAction: successor(closing) }));
    expect(error).toBeInstanceOf(SupersedingActionInvalidError);
    expect(error.message).toContain(`6.4 is ${status}`);
  });

  it('requires a reason', () => {
    expect(refusal(() => when(supersede('action-6-4', ' '), given([added]), { supersedingAction: successor() }))).toMatchObject({
      kind: 'invalid',
      field: 'reason',
      rule: 'required',
    });
  });

  it('refuses when the action itself is no longer open', () => {
    expect(refusal(() => when(supersede(), given(completeFromGreen), { supersedingAction: successor() }))).toBeInstanceOf(ActionNotOpenError);
  });
});
