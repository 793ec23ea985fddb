
import { ActionCommand } from './action.commands';
import { decideAction, evolveAction, initialActionState } from './action.decider';
import { ActionEvent } from './action.events';
import { ActionClosedError, ActionNotFoundError, ActionNotOpenError } from './action.errors';
import { refusal } from '../shared/refusal.fixture';
import { deficitRecovery, given, meta } from './action.fixture';

const { actionId, financeLead, director, added } = deficitRecovery;

// Autumn 2025 to spring 2026 for action 8.2, as the board would have seen it.
const history: ActionEvent[] = [
  added,
  { type: 'MilestoneAdded', data: { actionId, milestoneId: 'm-draft', title: 'Draft plan to the board', dueDate: '2025-11-30' } },
  { type: 'MilestoneAdded', data: { actionId, milestoneId: 'm-governance', title: 'Governance live', dueDate: '2026-01-31' } },
  {
    type: 'ProgressReported',
    data: { actionId, rag: 'AMBER', previousRag: 'NOT_YET_RATED', commentary: 'Q2 forecast gap £71m against £57.5m budgeted', asAt: '2025-10-15' },
  },
  { type: 'OwnerReassigned', data: { actionId, owner: director, previousOwner: financeLead, reason: 'Director leads deficit recovery' } },
  { type: 'MilestoneCompleted', data: { actionId, milestoneId: 'm-draft', completedOn: '2025-11-26' } },
  { type: 'DueDateRescheduled', data: { actionId, dueDate: '2026-03-31', previousDueDate: '2026-01-31', reason: 'Aligned with the DSG return' } },
  {
    type: 'EvidenceAttached',
    data: { actionId, evidenceId: 'ev-draft', kind: 'ACTIVITY', title: 'Draft recovery plan', link: null, documentReference: 'SIB paper 3', submittedBy: 'Alex Morgan', file: null },
  },
  { type: 'EvidenceRejected', data: { actionId, evidenceId: 'ev-draft', reason: 'Needs the forecast appendix' } },
  {
    type: 'EvidenceAttached',
    data: { actionId, evidenceId: 'ev-forecast', kind: 'IMPACT', title: 'Q3 forecast', link: 'https://example.org/q3.pdf', documentReference: null, submittedBy: 'Alex Morgan', file: null },
  },
  { type: 'EvidenceAccepted', data: { actionId, evidenceId: 'ev-forecast' } },
  { type: 'ProgressReported', data: { actionId, rag: 'GREEN', previousRag: 'AMBER', commentary: 'Governance live', asAt: '2026-01-14' } },
];

describe('evolveAction', () => {
  it('starts from an action that does not exist', () => {
    expect(initialActionState()).toEqual({ exists: false });
  });

  it('ignores events that arrive before ActionAdded', () => {
    const stray: ActionEvent = { type: 'ActionWithdrawn', data: { actionId, reason: 'x' } };
    expect(given([stray])).toEqual({ exists: false });
  });

  it('folds a new action to OPEN and NOT_YET_RATED with nothing reported', () => {
    expect(given([added])).toEqual({
      exists: true,
      actionId,
      planId: 'plan-1',
      ref: '8.2',
      areaNumber: 8,
      status: 'OPEN',
      rag: 'NOT_YET_RATED',
      ragBeforeCompletion: 'NOT_YET_RATED',
      owner: financeLead,
      dueDate: '2026-01-31',
      lastAsAt: null,
      delegates: {},
      milestones: {},
      evidence: {},
      revision: 0,
      progress: {},
      progressRevision: null,
      confidence: null,
    });
  });

  it('folds a realistic history to the latest owner, rating, due date, milestones and evidence reviews', () => {
    expect(given(history)).toEqual({
      exists: true,
      actionId,
      planId: 'plan-1',
      ref: '8.2',
      areaNumber: 8,
      status: 'OPEN',
      rag: 'GREEN',
      ragBeforeCompletion: 'NOT_YET_RATED',
      owner: director,
      dueDate: '2026-03-31',
      lastAsAt: '2026-01-14',
      delegates: {},
      milestones: {
        'm-draft': { title: 'Draft plan to the board', dueDate: '2025-11-30', completedOn: '2025-11-26' },
        'm-governance': { title: 'Governance live', dueDate: '2026-01-31', completedOn: null },
      },
      evidence: {
        'ev-draft': { title: 'Draft recovery plan', kind: 'ACTIVITY', review: 'REJECTED' },
        'ev-forecast': { title: 'Q3 forecast', kind: 'IMPACT', review: 'ACCEPTED' },
      },
      revision: 11,
      progress: {
        3: { rag: 'AMBER', commentary: 'Q2 forecast gap £71m against £57.5m budgeted', asAt: '2025-10-15', supersededBy: null },
        11: { rag: 'GREEN', commentary: 'Governance live', asAt: '2026-01-14', supersededBy: null },
      },
      progressRevision: 11,
      confidence: null,
    });
  });

  it('completion turns the action BLUE, remembers the rating before it and moves lastAsAt', () => {
    const complete: ActionEvent = { type: 'ActionCompleted', data: { actionId, commentary: 'Done', asAt: '2026-02-11', previousRag: 'GREEN' } };
    expect(given([...history, complete])).toMatchObject({ status: 'COMPLETE', rag: 'BLUE', ragBeforeCompletion: 'GREEN', lastAsAt: '2026-02-11' });
  });

  it('a reopen returns to OPEN with the rating the event carries, keeping the completion asAt', () => {
    const complete: ActionEvent = { type: 'ActionCompleted', data: { actionId, commentary: 'Done', asAt: '2026-02-11', previousRag: 'GREEN' } };
    const reopened: ActionEvent = { type: 'ActionReopened', data: { actionId, reason: 'Forecast re-run', rag: 'GREEN' } };
    expect(given([...history, complete, reopened])).toMatchObject({ status: 'OPEN', rag: 'GREEN', lastAsAt: '2026-02-11' });
  });

  it('ignores completion or review of a milestone or evidence it does not know, counting only the revision', () => {
    const before = given(history);
    const counted = { ...before, revision: 12 };
    expect(evolveAction(before, { type: 'MilestoneCompleted', data: { actionId, milestoneId: 'm-x', completedOn: '2026-01-01' } })).toEqual(counted);
    expect(evolveAction(before, { type: 'EvidenceAccepted', data: { actionId, evidenceId: 'ev-x' } })).toEqual(counted);
  });

  it('never changes the state it is given', () => {
    const before = given(history.slice(0, 3));
    const snapshot = structuredClone(before);
    history.slice(3).reduce(evolveAction, before);
    expect(before).toEqual(snapshot);
  });
});

describe('decideAction on an action that does not exist', () => {
  const commands: ActionCommand[] = [
    { type: 'ReassignOwner', data: { actionId, owner: director } },
    { type: 'ReportProgress', data: { actionId, rag: 'GREEN', commentary: 'x', asAt: '2026-01-14' } },
    { type: 'AddMilestone', data: { actionId, milestoneId: 'm-1', title: 'x', dueDate: '2026-01-31' } },
    { type: 'CompleteMilestone', data: { actionId, milestoneId: 'm-1', completedOn: '2026-01-14' } },
    { type: 'RescheduleDueDate', data: { actionId, dueDate: '2026-03-31', reason: 'x' } },
    { type: 'AttachEvidence', data: { actionId, evidenceId: 'ev-1', kind: 'ACTIVITY', title: 'x', link: 'https://x', submittedBy: 'x' } },
    { type: 'ReviewEvidence', data: { actionId, evidenceId: 'ev-1', decision: 'ACCEPT' } },
    { type: 'MarkComplete', data: { actionId, commentary: 'x', asAt: '2026-01-14' } },
    { type: 'ReopenAction', data: { actionId, reason: 'x' } },
    { type: 'WithdrawAction', data: { actionId, reason: 'x' } },
    { type: 'SupersedeAction', data: { actionId, supersededByActionId: 'action-8-3', reason: 'x' } },
  ];

  it.each(commands.map((c) => [c.type, c] as const))('refuses %s with ActionNotFoundError', (_type, command) => {
    const error = refusal(() => decideAction(command, given([]), meta()));
    expect(error).toBeInstanceOf(ActionNotFoundError);
    expect(error).toMatchObject({ kind: 'not_found', rule: 'actionExists' });
    expect(error.message).toContain(actionId);
  });
});

describe('every refusal says which action and what was refused, in the board’s words', () => {
  const completion: ActionEvent = { type: 'ActionCompleted', data: { actionId, commentary: 'Done', asAt: '2026-02-11', previousRag: 'GREEN' } };
  const withdrawal: ActionEvent = { type: 'ActionWithdrawn', data: { actionId, reason: 'Folded into 8.3' } };

  /** Written out by hand: the wording is what the person at the meeting reads. */
  it.each<[string, ActionCommand]>([
    ['Action 8.2 is complete; cannot report progress', { type: 'ReportProgress', data: { actionId, rag: 'GREEN', commentary: 'x', asAt: '2026-03-01' } }],
    ['Action 8.2 is complete; cannot add a milestone', { type: 'AddMilestone', data: { actionId, milestoneId: 'm-new', title: 'x', dueDate: '2026-04-30' } }],
    ['Action 8.2 is complete; cannot complete a milestone', { type: 'CompleteMilestone', data: { actionId, milestoneId: 'm-governance', completedOn: '2026-03-01' } }],
    ['Action 8.2 is complete; cannot reschedule it', { type: 'RescheduleDueDate', data: { actionId, dueDate: '2026-04-30', reason: 'x' } }],
    ['Action 8.2 is complete; cannot mark it complete', { type: 'MarkComplete', data: { actionId, commentary: 'x', asAt: '2026-03-01' } }],
    ['Action 8.2 is complete; cannot withdraw it', { type: 'WithdrawAction', data: { actionId, reason: 'x' } }],
    ['Action 8.2 is complete; cannot supersede it', { type: 'SupersedeAction', data: { actionId, supersededByActionId: 'action-8-3', reason: 'x' } }],
  ])('%s', (message, command) => {
    const error = refusal(() => decideAction(command, given([...history, completion]), meta()));
    expect(error).toBeInstanceOf(ActionNotOpenError);
    expect(error.message).toBe(message);
  });

  it.each<[string, ActionCommand]>([
    ['Action 8.2 is withdrawn; cannot attach evidence', { type: 'AttachEvidence', data: { actionId, evidenceId: 'ev-new', kind: 'ACTIVITY', title: 'x', link: 'https://x', submittedBy: 'x' } }],
    ['Action 8.2 is withdrawn; cannot review evidence', { type: 'ReviewEvidence', data: { actionId, evidenceId: 'ev-forecast', decision: 'ACCEPT' } }],
    ['Action 8.2 is withdrawn; cannot delegate it', { type: 'DelegateAction', data: { actionId, delegateUserId: 'sam.lee', delegateName: 'Sam Lee' } }],
    ['Action 8.2 is withdrawn; cannot reassign its owner', { type: 'ReassignOwner', data: { actionId, owner: financeLead } }],
  ])('%s', (message, command) => {
    const error = refusal(() => decideAction(command, given([...history, withdrawal]), meta()));
    expect(error).toBeInstanceOf(ActionClosedError);
    expect(error.message).toBe(message);
  });

  it.each<[string, ActionCommand]>([
    ['The due date is unchanged; nothing to record', { type: 'RescheduleDueDate', data: { actionId, dueDate: '2026-03-31', reason: 'x' } }],
    ['The owner is unchanged; nothing to record', { type: 'ReassignOwner', data: { actionId, owner: director } }],
    ['kind must be ACTIVITY or IMPACT', { type: 'AttachEvidence', data: { actionId, evidenceId: 'ev-new', kind: 'OUTCOME' as 'IMPACT', title: 'x', link: 'https://x', submittedBy: 'x' } }],
    [
      'Evidence needs a link, a document reference or a file so the board can find it',
      { type: 'AttachEvidence', data: { actionId, evidenceId: 'ev-new', kind: 'ACTIVITY', title: 'x', submittedBy: 'x' } },
    ],
    ['decision must be ACCEPT or REJECT', { type: 'ReviewEvidence', data: { actionId, evidenceId: 'ev-new', decision: 'DEFER' as 'ACCEPT' } }],
  ])('%s', (message, command) => {
    const pending: ActionEvent = {
      type: 'EvidenceAttached',
      data: { actionId, evidenceId: 'ev-new', kind: 'ACTIVITY', title: 'Governance minutes', link: null, documentReference: 'SIB paper 5', submittedBy: 'Alex Morgan', file: null },
    };
    const state = given(command.type === 'ReviewEvidence' ? [...history, pending] : history);
    expect(refusal(() => decideAction(command, state, meta())).message).toBe(message);
  });
});
