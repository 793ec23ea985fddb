import { ACTION_FIELDS, ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { readDatabaseKinds, startTestApp, TestApp } from './support/test-app';

describe.each(readDatabaseKinds())('An action from added to closed, over HTTP (read models on %s)', (readDatabase) => {
  let app: TestApp;
  const planId = `lifecycle-${readDatabase}`;

  beforeAll(async () => {
    app = await startTestApp({ readDatabase, now: '2026-01-10T09:00:00.000Z' });
    // The owner the action is reassigned to; from then on only he may attach its evidence.
    await app.addUser({ userId: 'sam', owner: { name: 'Sam Patel', organisation: 'Council' }, roles: ['ACTION_OWNER'], areas: ['test-area'] });
    const created = await app.gql(CREATE_PLAN, { input: planInput(planId) });
    expect(created.errors).toBeUndefined();
  });

  afterAll(() => app?.close());

  it('creates the plan with the eight areas and seven recovery priorities', async () => {
    const { data } = await app.gql(`{ plan(id: "${planId}") { title areas { number name } priorities { number } staleAfterDays } }`);
    expect(data.plan.areas.map((a: { number: number }) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(data.plan.areas[7].name).toBe('Managing Resources');
    expect(data.plan.priorities).toHaveLength(7);
    expect(data.plan.staleAfterDays).toBe(42);
  });

  it('runs the whole lifecycle, each step visible in the answer and the timeline', async () => {
    const added = await app.gql(ADD_ACTION, { input: actionInput(planId, '8.2') });
    expect(added.errors).toBeUndefined();
    let action = added.data.addAction;
    expect(action).toMatchObject({ ref: '8.2', status: 'OPEN', rag: 'NOT_YET_RATED', revision: 1 });
    expect(action.milestones).toHaveLength(1);

    const step = async (mutation: string, inputType: string, input: Record<string, unknown>, as = 'tester') => {
      const result = await app.as(as).gql(change(mutation, inputType), {
        input: { actionId: action.id, expectedRevision: action.revision, ...input },
      });
      expect(result.errors).toBeUndefined();
      action = result.data[mutation];
      return action;
    };

    await step('reportProgress', 'ReportProgressInput', { rag: 'AMBER', commentary: 'Draft slipping two weeks.', asAt: '2026-01-09' });
    expect(action).toMatchObject({ rag: 'AMBER', latestCommentary: 'Draft slipping two weeks.', lastAsAt: '2026-01-09' });

    await step('reassignActionOwner', 'ReassignOwnerInput', {
      owner: { name: 'Sam Patel', role: 'Director of Education and Skills', organisation: 'Council' },
      reason: 'Director now leads the deficit recovery work',
    });
    expect(action.owner.name).toBe('Sam Patel');

    await step('completeMilestone', 'CompleteMilestoneInput', { milestoneId: action.milestones[0].id, completedOn: '2026-01-08' });
    await step('addMilestone', 'AddMilestoneInput', { title: 'Governance live', dueDate: '2026-01-31' });
    expect(action.milestones.map((m: { completedOn: string | null }) => m.completedOn)).toEqual(['2026-01-08', null]);

    await step('rescheduleAction', 'RescheduleActionInput', { dueDate: '2026-04-30', reason: 'Aligned with the DSG management plan return' });
    expect(action.dueDate).toBe('2026-04-30');

    await step('attachEvidence', 'AttachEvidenceInput', {
      kind: 'ACTIVITY',
      title: 'Draft recovery plan',
      documentReference: 'SIB 2026-01 paper 3',
      submittedBy: 'Sam Patel',
    }, 'sam');
    const rejected = action.evidence[0].id;
    await step('reviewEvidence', 'ReviewEvidenceInput', { evidenceId: rejected, decision: 'REJECT', reason: 'Needs the forecast appendix' });
    expect(action.evidence[0]).toMatchObject({ status: 'REJECTED', rejectionReason: 'Needs the forecast appendix' });

    await step('attachEvidence', 'AttachEvidenceInput', {
      kind: 'IMPACT',
      title: 'Q3 forecast within budget',
      link: 'https://example.org/papers/q3-forecast.pdf',
      submittedBy: 'Sam Patel',
    }, 'sam');
    await step('reviewEvidence', 'ReviewEvidenceInput', { evidenceId: action.evidence[1].id, decision: 'ACCEPT' });
    await step('completeAction', 'CompleteActionInput', { commentary: 'Plan approved and governance live.', asAt: '2026-01-10' });
    expect(action).toMatchObject({ status: 'COMPLETE', rag: 'BLUE' });

    await step('reopenAction', 'ReasonedChangeInput', { reason: 'DfE asked for the forecast to be re-run' });
    expect(action).toMatchObject({ status: 'OPEN', rag: 'AMBER' });

    await step('withdrawAction', 'ReasonedChangeInput', { reason: 'Folded into the Deficit Recovery Plan governance' });
    expect(action.status).toBe('WITHDRAWN');

    const types = action.timeline.map((t: { eventType: string }) => t.eventType);
    expect(types).toEqual([
      'ActionAdded',
      'MilestoneAdded',
      'ProgressReported',
      'OwnerReassigned',
      'MilestoneCompleted',
      'MilestoneAdded',
      'DueDateRescheduled',
      'EvidenceAttached',
      'EvidenceRejected',
      'EvidenceAttached',
      'EvidenceAccepted',
      'ActionCompleted',
      'ActionReopened',
      'ActionWithdrawn',
    ]);
    expect(action.timeline.map((t: { revision: number }) => t.revision)).toEqual(types.map((_: string, i: number) => i));
    expect(action.timeline[2].changes).toContainEqual({ field: 'rag', from: 'NOT_YET_RATED', to: 'AMBER' });
    // Who did what, in which role: the owner reported, the new owner submitted, the chair reviewed.
    const actors = action.timeline.map((t: { actor: { userId: string } }) => t.actor.userId);
    expect(actors[2]).toBe('tester');
    expect(actors[7]).toBe('sam');
    expect(actors[8]).toBe('tester');
    expect(action.revision).toBe(13);

    const events = (await app.allEvents()).filter((e) => e.streamId === `action-${action.id}`);
    expect(events.map((e) => e.type)).toEqual(types);
  });

  it('supersedes an action by another in the same plan', async () => {
    const older = (await app.gql(ADD_ACTION, { input: actionInput(planId, '6.1', { areaNumber: 6 }) })).data.addAction;
    const newer = (await app.gql(ADD_ACTION, { input: actionInput(planId, '6.3', { areaNumber: 6 }) })).data.addAction;
    const result = await app.gql(change('supersedeAction', 'SupersedeActionInput'), {
      input: { actionId: older.id, expectedRevision: older.revision, supersededByActionId: newer.id, reason: 'Merged into 6.3' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.supersedeAction.status).toBe('SUPERSEDED');
    expect(result.data.supersedeAction.timeline.at(-1).summary).toBe('Superseded by action 6.3: Merged into 6.3');
  });

  it('rolls RAG up by area and priority, and reports owners with their workload', async () => {
    await app.gql(ADD_ACTION, {
      input: actionInput(planId, '4.1', { areaNumber: 4, priorityNumbers: [1, 2], dueDate: '2025-12-31' }),
    });
    const { data, errors } = await app.gql(`{
      plan(id: "${planId}") {
        rollUp { total withdrawn superseded notYetRated overdue }
        areas { number rollUp { total notYetRated overdue withdrawn superseded } }
        priorities { number rollUp { total } }
        owners { owner { name } openActions totalActions overdue actionRefs }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data.plan.rollUp).toEqual({ total: 2, withdrawn: 1, superseded: 1, notYetRated: 2, overdue: 1 });
    expect(data.plan.areas[3].rollUp).toEqual({ total: 1, notYetRated: 1, overdue: 1, withdrawn: 0, superseded: 0 });
    expect(data.plan.areas[5].rollUp).toMatchObject({ total: 1, superseded: 1 });
    expect(data.plan.priorities.map((p: { rollUp: { total: number } }) => p.rollUp.total)).toEqual([1, 1, 0, 0, 0, 0, 1]);
    const alex = data.plan.owners.find((o: { owner: { name: string } }) => o.owner.name === 'Alex Morgan');
    expect(alex).toMatchObject({ openActions: 2, totalActions: 3, overdue: 1, actionRefs: ['4.1', '6.1', '6.3'] });
    const sam = data.plan.owners.find((o: { owner: { name: string } }) => o.owner.name === 'Sam Patel');
    expect(sam).toMatchObject({ openActions: 0, totalActions: 1, actionRefs: ['8.2'] });
  });

  it('filters actions and pages through them with cursors', async () => {
    const page1 = await app.gql(`{ actions(planId: "${planId}", first: 2) { totalCount edges { cursor node { ref } } pageInfo { hasNextPage endCursor } } }`);
    expect(page1.data.actions.totalCount).toBe(4);
    expect(page1.data.actions.edges.map((e: { node: { ref: string } }) => e.node.ref)).toEqual(['4.1', '6.1']);
    const after = page1.data.actions.pageInfo.endCursor;
    const page2 = await app.gql(`query ($after: String) { actions(planId: "${planId}", first: 2, after: $after) { edges { node { ref } } pageInfo { hasNextPage } } }`, { after });
    expect(page2.data.actions.edges.map((e: { node: { ref: string } }) => e.node.ref)).toEqual(['6.3', '8.2']);
    expect(page2.data.actions.pageInfo.hasNextPage).toBe(false);

    const overdue = await app.gql(`{ actions(planId: "${planId}", filter: { overdue: true }) { edges { node { ref overdue } } } }`);
    expect(overdue.data.actions.edges).toEqual([{ node: { ref: '4.1', overdue: true } }]);
    const byPriority = await app.gql(`{ actions(planId: "${planId}", filter: { priority: 7, status: OPEN }) { totalCount } }`);
    expect(byPriority.data.actions.totalCount).toBe(1);
  });

  it('answers a plan query with the same action fields a client would use', async () => {
    const { data, errors } = await app.gql(`{ plan(id: "${planId}") { actions(first: 1, filter: { area: 8 }) { edges { node { ${ACTION_FIELDS} } } } } }`);
    expect(errors).toBeUndefined();
    expect(data.plan.actions.edges[0].node.ref).toBe('8.2');
  });
});
