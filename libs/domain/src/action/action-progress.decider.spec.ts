import { InvalidValueError } from '../shared/domain-error';
import { ActionOwner } from './action-owner';
import { ActionCommand } from './action.commands';
import { ActionEvent } from './action.events';
import {
  ActionClosedError,
  ActionNotOpenError,
  MilestoneAlreadyCompletedError,
  MilestoneAlreadyExistsError,
  MilestoneNotFoundError,
  ProgressOutOfOrderError,
  SameValueError,
} from './action.errors';
import { RagStatus, ReportableRag } from './rag-status';
import { refusal } from '../shared/refusal.fixture';
import { deficitRecovery, given, when } from './action.fixture';

const { actionId, financeLead, director, added } = deficitRecovery;
const reported = (rag: ReportableRag, asAt: string, previousRag: RagStatus = 'NOT_YET_RATED'): ActionEvent => ({
  type: 'ProgressReported',
  data: { actionId, rag, previousRag, commentary: 'Update to the board', asAt },
});
const milestoneAdded = (milestoneId: string, title = 'Draft plan to the board'): ActionEvent => ({
  type: 'MilestoneAdded',
  data: { actionId, milestoneId, title, dueDate: '2025-11-30' },
});
const evidenceAccepted: ActionEvent[] = [
  { type: 'EvidenceAttached', data: { actionId, evidenceId: 'ev-1', kind: 'ACTIVITY', title: 'Board minutes', link: null, documentReference: 'SIB-2026-01', submittedBy: 'Sam Patel', file: null } },
  { type: 'EvidenceAccepted', data: { actionId, evidenceId: 'ev-1' } },
];
const completed: ActionEvent = { type: 'ActionCompleted', data: { actionId, commentary: 'Delivered', asAt: '2026-02-11', previousRag: 'GREEN' } };
const withdrawn: ActionEvent = { type: 'ActionWithdrawn', data: { actionId, reason: 'Folded into 8.3' } };
const superseded: ActionEvent = {
  type: 'ActionSuperseded',
  data: { actionId, supersededByActionId: 'action-8-3', supersededByRef: '8.3', reason: 'Replaced in the revised plan' },
};
const completeHistory = [added, reported('GREEN', '2026-01-14'), ...evidenceAccepted, completed];

describe('ReassignOwner', () => {
  const reassign = (owner: ActionOwner, reason?: string): ActionCommand => ({ type: 'ReassignOwner', data: { actionId, owner, reason } });

  it('emits OwnerReassigned with the previous owner and the trimmed reason', () => {
    expect(when(reassign(director, '  Finance lead on leave  '), given([added]))).toEqual([
      { type: 'OwnerReassigned', data: { actionId, owner: director, previousOwner: financeLead, reason: 'Finance lead on leave' } },
    ]);
  });

  it.each([undefined, '   '])('records a missing or blank reason (%p) as null', (reason) => {
    expect(when(reassign(director, reason), given([added]))[0].data).toMatchObject({ reason: null });
  });

  it('takes the previous owner from the last reassignment', () => {
    const history = [added, ...when(reassign(director), given([added]))];
    expect(when(reassign(financeLead), given(history))[0].data).toMatchObject({ owner: financeLead, previousOwner: director });
  });

  it('refuses the same owner, judged by owner id', () => {
    const error = refusal(() => when(reassign({ ...financeLead, name: 'S. Patel' }), given([added])));
    expect(error).toBeInstanceOf(SameValueError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'changesSomething' });
  });

  it.each([
    ['withdrawn', withdrawn],
    ['superseded', superseded],
  ])('refuses on a %s action', (_status, closing) => {
    const error = refusal(() => when(reassign(director), given([added, closing])));
    expect(error).toBeInstanceOf(ActionClosedError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'actionNotClosed' });
  });

  it('is allowed on a complete action, since someone still answers for its impact', () => {
    expect(when(reassign(director), given(completeHistory))[0].type).toBe('OwnerReassigned');
  });

  it('refuses an owner with a blank role', () => {
    expect(refusal(() => when(reassign({ ...director, role: ' ' }), given([added])))).toMatchObject({
      kind: 'invalid',
      rule: 'required',
      field: 'owner.role',
    });
  });
});

describe('ReportProgress', () => {
  const report = (rag: string, asAt: string, commentary = 'Draft recovery plan with the board'): ActionCommand => ({
    type: 'ReportProgress',
    data: { actionId, rag: rag as ReportableRag, commentary, asAt },
  });

  it('given a new action, emits ProgressReported with previousRag NOT_YET_RATED', () => {
    expect(when(report('AMBER', '2025-10-15', '  Q2 forecast gap £71m against £57.5m budgeted  '), given([added]))).toEqual([
      {
        type: 'ProgressReported',
        data: { actionId, rag: 'AMBER', previousRag: 'NOT_YET_RATED', commentary: 'Q2 forecast gap £71m against £57.5m budgeted', asAt: '2025-10-15' },
      },
    ]);
  });

  it('given an earlier Amber report, carries AMBER as previousRag', () => {
    expect(when(report('GREEN', '2026-01-14'), given([added, reported('AMBER', '2025-10-15')]))[0].data).toMatchObject({
      rag: 'GREEN',
      previousRag: 'AMBER',
    });
  });

  it('given a reopened action, carries its restored rating as previousRag', () => {
    const reopened: ActionEvent = { type: 'ActionReopened', data: { actionId, reason: 'Evidence challenged', rag: 'GREEN' } };
    expect(when(report('RED', '2026-03-11'), given([...completeHistory, reopened]))[0].data).toMatchObject({ previousRag: 'GREEN' });
  });

  it.each(['BLUE', 'NOT_YET_RATED', 'green'])('refuses rag %s with field rag', (rag) => {
    const error = refusal(() => when(report(rag, '2025-10-15'), given([added])));
    expect(error).toBeInstanceOf(InvalidValueError);
    expect(error).toMatchObject({ kind: 'invalid', field: 'rag', rule: 'isIn:RED,AMBER,GREEN' });
  });

  it('refuses blank commentary, because every RAG change needs one', () => {
    expect(refusal(() => when(report('RED', '2025-10-15', ' \n '), given([added])))).toMatchObject({
      kind: 'invalid',
      field: 'commentary',
      rule: 'required',
    });
  });

  it('refuses an asAt later than today by the command clock', () => {
    expect(refusal(() => when(report('GREEN', '2026-06-02'), given([added])))).toMatchObject({
      kind: 'invalid',
      field: 'asAt',
      rule: 'notInFuture',
    });
  });

  it('accepts an asAt of today by the command clock', () => {
    expect(when(report('GREEN', '2026-06-01'), given([added]))[0].data).toMatchObject({ asAt: '2026-06-01' });
  });

  it('refuses an asAt that is not a calendar date', () => {
    expect(refusal(() => when(report('GREEN', '2026-02-29'), given([added])))).toMatchObject({ field: 'asAt', rule: 'isCalendarDate' });
  });

  it('refuses an asAt earlier than the last report', () => {
    const error = refusal(() => when(report('GREEN', '2025-10-14'), given([added, reported('AMBER', '2025-10-15')])));
    expect(error).toBeInstanceOf(ProgressOutOfOrderError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'asAtNotBeforeLastUpdate' });
  });

  it('accepts a second report as at the same date as the last', () => {
    expect(when(report('RED', '2025-10-15'), given([added, reported('AMBER', '2025-10-15')]))[0].type).toBe('ProgressReported');
  });

  it.each([
    ['complete', completeHistory],
    ['withdrawn', [added, withdrawn]],
    ['superseded', [added, superseded]],
  ])('refuses on a %s action', (_status, history) => {
    const error = refusal(() => when(report('GREEN', '2026-05-01'), given(history)));
    expect(error).toBeInstanceOf(ActionNotOpenError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'actionOpen' });
  });
});

describe('AddMilestone', () => {
  const addMilestone = (milestoneId: string, title = 'Governance live', dueDate = '2026-01-31'): ActionCommand => ({
    type: 'AddMilestone',
    data: { actionId, milestoneId, title, dueDate },
  });

  it('emits MilestoneAdded', () => {
    expect(when(addMilestone('m-governance', ' Governance live '), given([added]))).toEqual([
      { type: 'MilestoneAdded', data: { actionId, milestoneId: 'm-governance', title: 'Governance live', dueDate: '2026-01-31' } },
    ]);
  });

  it('refuses a milestone id already on the action', () => {
    const error = refusal(() => when(addMilestone('m-draft'), given([added, milestoneAdded('m-draft')])));
    expect(error).toBeInstanceOf(MilestoneAlreadyExistsError);
    expect(error).toMatchObject({ kind: 'already_exists', rule: 'milestoneIdUnique' });
  });

  it('refuses a blank title and an impossible due date', () => {
    expect(refusal(() => when(addMilestone('m-1', ''), given([added])))).toMatchObject({ field: 'milestone.title', rule: 'required' });
    expect(refusal(() => when(addMilestone('m-1', 'Phase 1', '2026-04-31'), given([added])))).toMatchObject({
      field: 'milestone.dueDate',
      rule: 'isCalendarDate',
    });
  });

  it('refuses on a complete action', () => {
    expect(refusal(() => when(addMilestone('m-1'), given(completeHistory)))).toBeInstanceOf(ActionNotOpenError);
  });
});

describe('CompleteMilestone', () => {
  const completeMilestone = (milestoneId: string, completedOn = '2025-11-26'): ActionCommand => ({
    type: 'CompleteMilestone',
    data: { actionId, milestoneId, completedOn },
  });

  it('emits MilestoneCompleted', () => {
    expect(when(completeMilestone('m-draft'), given([added, milestoneAdded('m-draft')]))).toEqual([
      { type: 'MilestoneCompleted', data: { actionId, milestoneId: 'm-draft', completedOn: '2025-11-26' } },
    ]);
  });

  it('refuses an unknown milestone id with MilestoneNotFoundError', () => {
    const error = refusal(() => when(completeMilestone('m-nope'), given([added, milestoneAdded('m-draft')])));
    expect(error).toBeInstanceOf(MilestoneNotFoundError);
    expect(error).toMatchObject({ kind: 'not_found', rule: 'milestoneExists' });
  });

  it('refuses a milestone that is already complete', () => {
    const done: ActionEvent = { type: 'MilestoneCompleted', data: { actionId, milestoneId: 'm-draft', completedOn: '2025-11-26' } };
    const error = refusal(() => when(completeMilestone('m-draft', '2025-12-01'), given([added, milestoneAdded('m-draft'), done])));
    expect(error).toBeInstanceOf(MilestoneAlreadyCompletedError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'milestoneOpen' });
    expect(error.message).toContain('Draft plan to the board');
  });

  it('refuses a completedOn later than today', () => {
    expect(refusal(() => when(completeMilestone('m-draft', '2026-06-02'), given([added, milestoneAdded('m-draft')])))).toMatchObject({
      kind: 'invalid',
      field: 'completedOn',
      rule: 'notInFuture',
    });
  });

  it('refuses on a withdrawn action', () => {
    expect(refusal(() => when(completeMilestone('m-draft'), given([added, milestoneAdded('m-draft'), withdrawn])))).toBeInstanceOf(
      ActionNotOpenError,
    );
  });
});

describe('RescheduleDueDate', () => {
  const reschedule = (dueDate: string, reason = 'Governance go-live moved by the board'): ActionCommand => ({
    type: 'RescheduleDueDate',
    data: { actionId, dueDate, reason },
  });

  it('emits DueDateRescheduled with the previous due date', () => {
    expect(when(reschedule('2026-03-31', ' Governance go-live moved by the board '), given([added]))).toEqual([
      {
        type: 'DueDateRescheduled',
        data: { actionId, dueDate: '2026-03-31', previousDueDate: '2026-01-31', reason: 'Governance go-live moved by the board' },
      },
    ]);
  });

  it('takes the previous due date from the last reschedule', () => {
    const history = [added, ...when(reschedule('2026-03-31'), given([added]))];
    expect(when(reschedule('2026-04-30'), given(history))[0].data).toMatchObject({ previousDueDate: '2026-03-31' });
  });

  it('requires a reason', () => {
    expect(refusal(() => when(reschedule('2026-03-31', '  '), given([added])))).toMatchObject({
      kind: 'invalid',
      field: 'reason',
      rule: 'required',
    });
  });

  it('refuses the current due date', () => {
    const error = refusal(() => when(reschedule('2026-01-31'), given([added])));
    expect(error).toBeInstanceOf(SameValueError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'changesSomething' });
  });

  it('refuses a date that is not a calendar date', () => {
    expect(refusal(() => when(reschedule('2026-02-30'), given([added])))).toMatchObject({ field: 'dueDate', rule: 'isCalendarDate' });
  });

  it('refuses on a complete action', () => {
    expect(refusal(() => when(reschedule('2026-03-31'), given(completeHistory)))).toBeInstanceOf(ActionNotOpenError);
  });
});
