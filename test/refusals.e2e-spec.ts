import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';

/** Every refusal must name what is wrong, carry a stable code, and leave the event store untouched. */
describe('Refused commands over HTTP', () => {
  let app: TestApp;
  const planId = 'refusals';
  let action: { id: string; revision: number };

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-02-01T12:00:00.000Z' });
    await app.gql(CREATE_PLAN, { input: planInput(planId) });
    action = (await app.gql(ADD_ACTION, { input: actionInput(planId, '5.6', { areaNumber: 5 }) })).data.addAction;
  });

  afterAll(() => app?.close());

  async function expectRefusedWithoutEvents(
    query: string,
    variables: Record<string, unknown>,
    code: string,
  ): Promise<{ message: string; extensions?: Record<string, any> }> {
    const before = await app.allEvents();
    const result = await app.gql(query, variables);
    expect(result.errors).toBeDefined();
    expect(result.errors![0].extensions?.code).toBe(code);
    expect(await app.allEvents()).toEqual(before);
    return result.errors![0];
  }

  const report = change('reportProgress', 'ReportProgressInput');

  it('refuses a stale revision with CONFLICT and keeps the winner’s write', async () => {
    const first = await app.gql(report, {
      input: { actionId: action.id, expectedRevision: action.revision, rag: 'GREEN', commentary: 'On track', asAt: '2026-01-31' },
    });
    expect(first.errors).toBeUndefined();
    const error = await expectRefusedWithoutEvents(
      report,
      { input: { actionId: action.id, expectedRevision: action.revision, rag: 'RED', commentary: 'Late', asAt: '2026-01-31' } },
      'CONFLICT',
    );
    expect(error.extensions?.currentRevision).toBe(action.revision + 1);
    action = first.data.reportProgress;
    expect(action).toMatchObject({ rag: 'GREEN' });
  });

  it('refuses invalid input with BAD_USER_INPUT naming the field and the rule', async () => {
    const error = await expectRefusedWithoutEvents(
      report,
      { input: { actionId: action.id, expectedRevision: action.revision, rag: 'AMBER', commentary: '', asAt: '2025-02-30' } },
      'BAD_USER_INPUT',
    );
    expect(error.extensions?.validationErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'commentary', rule: 'isNotEmpty' }),
        expect.objectContaining({ field: 'asAt', rule: 'isCalendarDate' }),
      ]),
    );
    expect(error.message).toContain('commentary');
    expect(error.message).toContain('asAt');
  });

  it('refuses a whitespace-only commentary that passes the shape check', async () => {
    const error = await expectRefusedWithoutEvents(
      report,
      { input: { actionId: action.id, expectedRevision: action.revision, rag: 'AMBER', commentary: '   ', asAt: '2026-01-31' } },
      'BAD_USER_INPUT',
    );
    expect(error.extensions).toMatchObject({ field: 'commentary', rule: 'required' });
  });

  it('refuses an "as at" date in the future', async () => {
    const error = await expectRefusedWithoutEvents(
      report,
      { input: { actionId: action.id, expectedRevision: action.revision, rag: 'AMBER', commentary: 'x', asAt: '2026-02-02' } },
      'BAD_USER_INPUT',
    );
    expect(error.extensions).toMatchObject({ field: 'asAt', rule: 'notInFuture' });
  });

  it('refuses Blue without accepted evidence, with a rule the client can show', async () => {
    const error = await expectRefusedWithoutEvents(
      change('completeAction', 'CompleteActionInput'),
      { input: { actionId: action.id, expectedRevision: action.revision, commentary: 'Done', asAt: '2026-02-01' } },
      'FAILED_PRECONDITION',
    );
    expect(error.extensions?.rule).toBe('acceptedEvidenceBeforeBlue');
    expect(error.message).toMatch(/accepted at least one piece of evidence/);
  });

  it('refuses Blue while the only evidence is still pending', async () => {
    const attached = await app.gql(change('attachEvidence', 'AttachEvidenceInput'), {
      input: {
        actionId: action.id,
        expectedRevision: action.revision,
        kind: 'ACTIVITY',
        title: 'Places delivered',
        documentReference: 'Sufficiency report Jan 2026',
        submittedBy: 'Head of Commissioning',
      },
    });
    action = attached.data.attachEvidence;
    await expectRefusedWithoutEvents(
      change('completeAction', 'CompleteActionInput'),
      { input: { actionId: action.id, expectedRevision: action.revision, commentary: 'Done', asAt: '2026-02-01' } },
      'FAILED_PRECONDITION',
    );
  });

  it('refuses a rejection without a reason', async () => {
    const evidenceId = (await app.gql(`{ action(id: "${action.id}") { evidence { id } } }`)).data.action.evidence[0].id;
    const error = await expectRefusedWithoutEvents(
      change('reviewEvidence', 'ReviewEvidenceInput'),
      { input: { actionId: action.id, expectedRevision: action.revision, evidenceId, decision: 'REJECT' } },
      'BAD_USER_INPUT',
    );
    expect(error.extensions).toMatchObject({ field: 'reason' });
  });

  it('refuses a duplicate reference in the same plan with CONFLICT', async () => {
    const error = await expectRefusedWithoutEvents(ADD_ACTION, { input: actionInput(planId, '5.6', { areaNumber: 5 }) }, 'CONFLICT');
    expect(error.message).toContain('5.6');
  });

  it('refuses a reference outside its area and an unknown plan', async () => {
    await expectRefusedWithoutEvents(ADD_ACTION, { input: actionInput(planId, '7.1', { areaNumber: 5 }) }, 'FAILED_PRECONDITION');
    await expectRefusedWithoutEvents(ADD_ACTION, { input: actionInput('no-such-plan', '5.1', { areaNumber: 5 }) }, 'NOT_FOUND');
  });

  it('answers NOT_FOUND for unknown ids, in reads and in writes', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await app.gql(`{ action(id: "${missing}") { id } }`)).errors![0].extensions?.code).toBe('NOT_FOUND');
    expect((await app.gql(`{ plan(id: "nope") { id } }`)).errors![0].extensions?.code).toBe('NOT_FOUND');
    await expectRefusedWithoutEvents(
      report,
      { input: { actionId: missing, expectedRevision: 0, rag: 'RED', commentary: 'x', asAt: '2026-01-01' } },
      'NOT_FOUND',
    );
  });

  it('refuses a wrong enum value and an unknown field before any command runs', async () => {
    await expectRefusedWithoutEvents(
      report,
      { input: { actionId: action.id, expectedRevision: action.revision, rag: 'BLUE', commentary: 'x', asAt: '2026-01-31' } },
      'BAD_USER_INPUT',
    );
    await expectRefusedWithoutEvents(
      report,
      { input: { actionId: action.id, expectedRevision: action.revision, rag: 'RED', commentary: 'x', asAt: '2026-01-31', extra: 1 } },
      'BAD_USER_INPUT',
    );
  });

  it('refuses a cursor it did not issue', async () => {
    const result = await app.gql(`{ actions(planId: "${planId}", after: "not-a-cursor") { totalCount } }`);
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses it in the same words on a field of a type (field resolvers pass through the same error mapping as root fields)', async () => {
    const result = await app.gql(`{ plan(id: "${planId}") { actions(after: "not-a-cursor") { totalCount } } }`);
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
