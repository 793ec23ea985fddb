import { ActionEvent } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';
import { ActionFoldOptions, actionRowChange, ActionRowChange, changesTo } from './action-row';
import { ActionEntity } from './action.entity';

/** The action row's one fold: what each action event changes, as the live projection writes it and the as-at view applies it. */
function projected(revision: number, event: ActionEvent): ProjectedEvent & ActionEvent {
  const occurredAt = `2026-02-${String(revision + 1).padStart(2, '0')}T09:00:00.000Z`;
  return {
    ...event,
    recorded: {
      id: `e${revision}`,
      type: event.type,
      data: event.data as unknown as Record<string, unknown>,
      metadata: { schemaVersion: 1, occurredAt },
      streamId: 'action-a1',
      revision: BigInt(revision),
      position: 100n + BigInt(revision),
      recordedAt: occurredAt,
    },
  } as ProjectedEvent & ActionEvent;
}

const actionId = 'a1';
const owner = { ownerId: 'o1', name: 'Rachel Whitfield', role: 'Finance Lead', organisation: 'Council' };
const added = projected(0, {
  type: 'ActionAdded',
  data: {
    actionId, planId: 'p', ref: '8.10', areaNumber: 8, priorityNumbers: [7, 2], title: 'Deficit recovery', description: 'd', intendedImpact: 'i',
    owner, leadOrganisation: 'Council', dueDate: '2026-12-31',
  },
});
const report = (revision: number, rag: 'RED' | 'AMBER' | 'GREEN', asAt: string) =>
  projected(revision, { type: 'ProgressReported', data: { actionId, rag, previousRag: 'NOT_YET_RATED', commentary: `${rag} as at ${asAt}`, asAt } });
/** `replacesCurrent` set the wrong way round on purpose where a test shows the rule does not read it. */
const correction = (revision: number, supersedesRevision: number, rag: 'RED' | 'AMBER' | 'GREEN', replacesCurrent: boolean) =>
  projected(revision, {
    type: 'ProgressCorrected',
    data: {
      actionId, supersedesRevision, rag, commentary: `Corrected to ${rag}`, asAt: '2026-02-02', reason: 'Wrong quarter',
      superseded: { rag: 'GREEN', commentary: 'x', asAt: '2026-02-02' }, replacesCurrent,
    },
  });

/** Applies changes the way the as-at view does: to the row before each event. */
const fold = (events: (ProjectedEvent & ActionEvent)[], options: ActionFoldOptions = {}): ActionEntity =>
  events.map((event) => actionRowChange(event, options)).reduce<ActionEntity | undefined>((row, change) => {
    if (change.kind === 'actionAdded') return change.row;
    return { ...row!, ...changesTo(row!, change.changes) };
  }, undefined)!;

const changesOf = (change: ActionRowChange, before: ActionEntity) => {
  if (change.kind !== 'actionChanged') throw new Error('expected a change to an existing row');
  return changesTo(before, change.changes);
};

describe('actionRowChange', () => {
  it('adds the row, not yet rated and with no update in force, and its priorities in order', () => {
    const change = actionRowChange(added);
    expect(change).toMatchObject({
      kind: 'actionAdded',
      row: { actionId, refSortKey: expect.any(String), ownerId: 'o1', ownerName: 'Rachel Whitfield', status: 'OPEN', rag: 'NOT_YET_RATED', lastUpdatedOn: '2026-02-01', progressRevision: null, revision: 0 },
      priorities: [{ actionId, priorityNumber: 2, planId: 'p' }, { actionId, priorityNumber: 7, planId: 'p' }],
    });
  });

  it('puts an update in force, remembering its revision', () => {
    expect(fold([added, report(1, 'GREEN', '2026-02-02')])).toMatchObject({ rag: 'GREEN', lastAsAt: '2026-02-02', lastUpdatedOn: '2026-02-02', progressRevision: 1, revision: 1 });
  });

  it('lets a correction of the update in force take its place, whatever the event says was in force when it was recorded', () => {
    const before = fold([added, report(1, 'GREEN', '2026-02-02')]);
    // An as-known-at view folds a late correction straight after its update: then it is in force.
    expect(changesOf(actionRowChange(correction(3, 1, 'RED', false)), before)).toEqual({
      rag: 'RED', latestCommentary: 'Corrected to RED', lastAsAt: '2026-02-02', lastUpdatedOn: '2026-02-02', progressRevision: 3, revision: 3,
    });
  });

  it('keeps the rating when a correction restates an older update, and only moves the revision', () => {
    const before = fold([added, report(1, 'GREEN', '2026-02-02'), report(2, 'AMBER', '2026-02-03')]);
    expect(changesOf(actionRowChange(correction(3, 1, 'RED', true)), before)).toEqual({ revision: 3 });
  });

  it('follows a chain of corrections: a correction of the correction in force replaces it in turn', () => {
    const row = fold([added, report(1, 'GREEN', '2026-02-02'), correction(2, 1, 'RED', true), correction(3, 2, 'AMBER', true)]);
    expect(row).toMatchObject({ rag: 'AMBER', latestCommentary: 'Corrected to AMBER', progressRevision: 3, revision: 3 });
  });

  it('makes a completion and a reopening the update in force, so a correction of the update before them does not undo them', () => {
    const completed = projected(2, { type: 'ActionCompleted', data: { actionId, commentary: 'Done', asAt: '2026-02-03', previousRag: 'GREEN' } });
    const reopened = projected(3, { type: 'ActionReopened', data: { actionId, reason: 'Not done', rag: 'GREEN' } });
    const row = fold([added, report(1, 'GREEN', '2026-02-02'), completed, reopened, correction(4, 1, 'RED', false)]);
    expect(row).toMatchObject({ status: 'OPEN', rag: 'GREEN', latestCommentary: 'Reopened: Not done', completedOn: null, lastUpdatedOn: '2026-02-04', progressRevision: 3, revision: 4 });
    expect(fold([added, report(1, 'GREEN', '2026-02-02'), completed])).toMatchObject({ status: 'COMPLETE', rag: 'BLUE', completedOn: '2026-02-03', progressRevision: 2 });
  });

  it('reads the row before the event only where the change depends on it', () => {
    const dependsOnRow = (event: ProjectedEvent & ActionEvent) => {
      const change = actionRowChange(event);
      return change.kind === 'actionChanged' && typeof change.changes === 'function';
    };
    const delegated = projected(2, { type: 'ActionDelegated', data: { actionId, delegateUserId: 'u2', delegateName: 'Sam', delegatedBy: 'u1' } });
    expect([added, report(1, 'GREEN', '2026-02-02'), correction(2, 1, 'RED', true), delegated].map(dependsOnRow)).toEqual([false, false, true, true]);
  });

  it('keeps delegates in the order they were added, once each, and drops a withdrawn one', () => {
    const delegate = (revision: number, userId: string, name: string) =>
      projected(revision, { type: 'ActionDelegated', data: { actionId, delegateUserId: userId, delegateName: name, delegatedBy: 'u1' } });
    const withdrawn = projected(4, { type: 'DelegationWithdrawn', data: { actionId, delegateUserId: 'u2', delegateName: 'Sam' } });
    expect(fold([added, delegate(1, 'u2', 'Sam'), delegate(2, 'u3', 'Priya'), delegate(3, 'u2', 'Sam Jones'), withdrawn]).delegates).toEqual([{ userId: 'u3', name: 'Priya' }]);
    expect(fold([added, delegate(1, 'u2', 'Sam'), delegate(2, 'u3', 'Priya'), delegate(3, 'u2', 'Sam Jones')]).delegates).toEqual([
      { userId: 'u3', name: 'Priya' },
      { userId: 'u2', name: 'Sam Jones' },
    ]);
  });

  it('adds each delivery confidence rating to the history, the last in force, with who rated it, and leaves the RAG alone', () => {
    const rate = (revision: number, level: 'HIGH' | 'LOW', previousLevel: 'HIGH' | null, actor?: { userId: string; displayName?: string; role?: string }) => {
      const event = projected(revision, { type: 'DeliveryConfidenceRated', data: { actionId, confidence: level, previousConfidence: previousLevel, commentary: `${level} now`, asAt: '2026-02-03' } });
      return { ...event, recorded: { ...event.recorded, metadata: { ...event.recorded.metadata, actor } } } as typeof event;
    };
    const row = fold([added, report(1, 'GREEN', '2026-02-02'), rate(2, 'HIGH', null, { userId: 'u9', displayName: 'Rachel Whitfield', role: 'ACTION_OWNER' }), rate(3, 'LOW', 'HIGH', { userId: 'chair' })]);
    expect(row).toMatchObject({ rag: 'GREEN', latestCommentary: 'GREEN as at 2026-02-02', lastAsAt: '2026-02-02', progressRevision: 1, deliveryConfidence: 'LOW', revision: 3 });
    expect(row.confidenceHistory).toEqual([
      { level: 'HIGH', previousLevel: null, commentary: 'HIGH now', asAt: '2026-02-03', ratedBy: 'Rachel Whitfield', ratedByRole: 'ACTION_OWNER', ratedAt: '2026-02-03T09:00:00.000Z', revision: 2 },
      { level: 'LOW', previousLevel: 'HIGH', commentary: 'LOW now', asAt: '2026-02-03', ratedBy: 'chair', ratedByRole: null, ratedAt: '2026-02-04T09:00:00.000Z', revision: 3 },
    ]);
    expect(fold([added])).toMatchObject({ deliveryConfidence: null, confidenceHistory: [] });
  });

  it('moves only the revision for events the row does not show (milestones, evidence)', () => {
    const milestone = projected(1, { type: 'MilestoneAdded', data: { actionId, milestoneId: 'm1', title: 'Drafted', dueDate: '2026-03-01' } });
    expect(actionRowChange(milestone)).toEqual({ kind: 'actionChanged', actionId, changes: { revision: 1 } });
  });
});

describe('actionRowChange in a business-date view (asOfDate)', () => {
  // Recorded on 2 to 6 February 2026, as a spreadsheet's history is moved in after the event.
  const history = [added, report(1, 'RED', '2025-09-10'), report(2, 'AMBER', '2025-09-30'), report(3, 'GREEN', '2025-10-15')];

  it('rates the action as the latest update dated on or before the day, and still moves the revision', () => {
    expect(fold(history, { asOfDate: '2025-09-30' })).toMatchObject({ rag: 'AMBER', latestCommentary: 'AMBER as at 2025-09-30', lastAsAt: '2025-09-30', progressRevision: 2, revision: 3 });
    expect(fold(history, { asOfDate: '2025-10-14' })).toMatchObject({ rag: 'AMBER', progressRevision: 2 });
    expect(fold(history, { asOfDate: '2025-10-15' })).toMatchObject({ rag: 'GREEN', progressRevision: 3 });
  });

  it('shows an action with no update dated by then as not yet rated', () => {
    expect(fold(history, { asOfDate: '2025-09-09' })).toMatchObject({ rag: 'NOT_YET_RATED', latestCommentary: null, lastAsAt: null, progressRevision: null });
  });

  it('takes the one recorded last of two updates dated the same day', () => {
    expect(fold([added, report(1, 'RED', '2025-09-30'), report(2, 'GREEN', '2025-09-30')], { asOfDate: '2025-09-30' })).toMatchObject({ rag: 'GREEN', progressRevision: 2 });
  });

  it('applies a correction of the update in force dated by then, and not one dated later', () => {
    const corrected = (asAt: string) =>
      projected(4, {
        type: 'ProgressCorrected',
        data: { actionId, supersedesRevision: 2, rag: 'RED', commentary: 'Corrected', asAt, reason: 'Wrong figure', superseded: { rag: 'AMBER', commentary: 'x', asAt: '2025-09-30' }, replacesCurrent: false },
      });
    expect(fold([...history.slice(0, 3), corrected('2025-09-30')], { asOfDate: '2025-09-30' })).toMatchObject({ rag: 'RED', latestCommentary: 'Corrected', progressRevision: 4 });
    expect(fold([...history.slice(0, 3), corrected('2025-10-01')], { asOfDate: '2025-09-30' })).toMatchObject({ rag: 'AMBER', progressRevision: 2 });
  });

  it('counts a completion from its own date', () => {
    const completed = projected(4, { type: 'ActionCompleted', data: { actionId, commentary: 'Done', asAt: '2025-10-20', previousRag: 'GREEN' } });
    expect(fold([...history, completed], { asOfDate: '2025-10-19' })).toMatchObject({ status: 'OPEN', rag: 'GREEN', completedOn: null });
    expect(fold([...history, completed], { asOfDate: '2025-10-20' })).toMatchObject({ status: 'COMPLETE', rag: 'BLUE', completedOn: '2025-10-20' });
  });

  it('counts a delivery confidence rating from its own date', () => {
    const rated = projected(4, { type: 'DeliveryConfidenceRated', data: { actionId, confidence: 'LOW', previousConfidence: null, commentary: 'Unlikely', asAt: '2025-10-01' } });
    expect(fold([...history, rated], { asOfDate: '2025-09-30' })).toMatchObject({ deliveryConfidence: null, confidenceHistory: [] });
    expect(fold([...history, rated], { asOfDate: '2025-10-01' })).toMatchObject({ deliveryConfidence: 'LOW' });
  });

  it('counts a withdrawal and a new due date from the UK day they were recorded, which carry no date of their own', () => {
    // Revision 4 is recorded on 5 February 2026, revision 5 on the 6th.
    const rescheduled = projected(4, { type: 'DueDateRescheduled', data: { actionId, dueDate: '2027-03-31', previousDueDate: '2026-12-31', reason: 'Later' } });
    const withdrawn = projected(5, { type: 'ActionWithdrawn', data: { actionId, reason: 'Merged' } });
    expect(fold([...history, rescheduled, withdrawn], { asOfDate: '2026-02-04' })).toMatchObject({ status: 'OPEN', dueDate: '2026-12-31', rag: 'GREEN' });
    expect(fold([...history, rescheduled, withdrawn], { asOfDate: '2026-02-05' })).toMatchObject({ status: 'OPEN', dueDate: '2027-03-31' });
    expect(fold([...history, rescheduled, withdrawn], { asOfDate: '2026-02-06' })).toMatchObject({ status: 'WITHDRAWN', closingReason: 'Merged' });
  });

  it('keeps the owner recorded since, which shapes the plan rather than rates it', () => {
    const reassigned = projected(4, { type: 'OwnerReassigned', data: { actionId, owner: { ...owner, name: 'Sam Okafor' }, previousOwner: owner, reason: null } });
    expect(fold([...history, reassigned], { asOfDate: '2025-09-30' })).toMatchObject({ ownerName: 'Sam Okafor', rag: 'AMBER' });
  });

  it('leaves the live fold alone: without asOfDate every update counts as recorded', () => {
    expect(fold(history)).toMatchObject({ rag: 'GREEN', progressRevision: 3 });
  });
});
